import type { SectorWords } from "../catalog-words";

/** The electronics sector's vocabulary (see catalog-words.ts). */
export const electronics: SectorWords = {
  slug: "electronics",
  name: "Electronics",
  emoji: "🎧",
  description: "Headphones, speakers, chargers and smart home gear that is easy to set up and built to last.",
  brands: [
    {
      name: "Pulsewave Audio",
      description: "Headphones and speakers tuned by studio engineers for natural, detailed sound.",
      focus: ["audio", "speakers", "charging"],
    },
    {
      name: "Voltbridge",
      description: "Chargers, cables, hubs and smart plugs that simply work with everything.",
      focus: ["charging", "computer", "smart-home"],
    },
    {
      name: "Lumen Home",
      description: "Smart lighting, cameras and speakers with local control and no subscription required.",
      focus: ["smart-home", "speakers", "charging"],
    },
    {
      name: "Keystroke Labs",
      description: "Keyboards, desk gear and tablet accessories for people who type all day.",
      focus: ["computer", "charging", "tablets"],
    },
    {
      name: "Trailcam Optics",
      description: "Rugged cameras and wearables for recording the adventure, not just the destination.",
      focus: ["cameras", "wearables", "charging"],
    },
    { name: "Orbit Wearables", description: "Watches, trackers and earbuds that get out of the way of your day.", focus: ["wearables", "audio", "charging"] },
    { name: "Nimbus Devices", description: "Tablets, e-readers and the accessories that make them more useful.", focus: ["tablets", "computer", "audio"] },
  ],
  types: [
    {
      key: "audio",
      modifiers: ["Wireless Earbuds", "Over-Ear Headphones", "Noise-Cancelling Headphones", "Sport Earbuds", "Kids' Volume-Limited Headphones"],
      variants: ["Black", "White", "Navy"],
      price: [29, 349],
      about: "Clear, balanced sound with long battery life and a comfortable fit.",
    },
    {
      key: "speakers",
      modifiers: ["Portable Bluetooth Speaker", "Bookshelf Speakers", "Smart Speaker", "Compact Soundbar", "Waterproof Shower Speaker"],
      variants: ["Charcoal", "Sand", "Forest"],
      price: [29, 399],
      about: "Room-filling sound from a speaker that pairs in seconds.",
    },
    {
      key: "charging",
      modifiers: [
        "65W USB-C Charger",
        "Wireless Charging Pad",
        "10,000 mAh Power Bank",
        "20,000 mAh Power Bank",
        "Braided USB-C Cable",
        "Multi-Port Charging Station",
      ],
      variants: ["Black", "White"],
      price: [12, 89],
      about: "Fast, safe charging with protection against overheating and over-current.",
    },
    {
      key: "smart-home",
      modifiers: ["Smart Plug", "Smart LED Bulb", "Video Doorbell", "Indoor Security Camera", "Smart Thermostat", "Motion Sensor"],
      variants: ["Single", "2-Pack", "4-Pack"],
      price: [14, 249],
      about: "Works with the major voice assistants and keeps running when the internet is down.",
    },
    {
      key: "computer",
      modifiers: ["Mechanical Keyboard", "Wireless Mouse", "Aluminium Laptop Stand", "7-in-1 USB-C Hub", "1080p Webcam", "Felt Desk Mat"],
      variants: ["Graphite", "Silver", "White"],
      price: [19, 169],
      about: "Desk gear that makes long working days more comfortable.",
    },
    {
      key: "wearables",
      modifiers: ["Fitness Tracker", "Smartwatch", "Sleep Tracking Ring", "GPS Running Watch", "Kids' Smartwatch"],
      variants: ["Small", "Large", "Sport Band"],
      price: [49, 399],
      about: "Tracks activity, heart rate and sleep with a battery that lasts the week.",
    },
    {
      key: "cameras",
      modifiers: ["Action Camera", "Instant Camera", "Dash Cam", "Travel Tripod", "Ring Light"],
      variants: ["Standard", "Creator Kit", "Bundle"],
      price: [29, 379],
      about: "Captures sharp photos and steady video with simple, one-button controls.",
    },
    {
      key: "tablets",
      modifiers: ["E-Reader", "10-inch Tablet", "Folio Tablet Case", "Active Stylus Pen", "Glass Screen Protector"],
      variants: ["Black", "Blue"],
      price: [15, 299],
      about: "Light, responsive and easy on the eyes for long reading sessions.",
    },
  ],
  extras: [
    "Includes a two-year warranty from {brand}.",
    "Firmware updates arrive automatically over the air.",
    "Ships with a USB-C cable and recyclable packaging.",
    "{brand} offers repairs and replacement batteries after the warranty ends.",
    "Rated highly by reviewers for set-up that takes minutes, not hours.",
  ],
};
