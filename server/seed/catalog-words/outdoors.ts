import type { SectorWords } from "../catalog-words";

/** The outdoors sector's vocabulary (see catalog-words.ts). */
export const outdoors: SectorWords = {
  slug: "outdoors",
  name: "Outdoors",
  emoji: "🏕️",
  description: "Tents, packs, layers and trail gear tested on long days outside and priced for weekend adventurers.",
  brands: [
    {
      name: "Ridgeback Outfitters",
      description: "Packs, shelters and trail essentials designed in the mountains they are named after.",
      focus: ["packs", "tents", "trail-tools", "water"],
    },
    { name: "Summit Thread", description: "Technical layers and footwear that move from the trailhead to town.", focus: ["jackets", "layers", "footwear"] },
    {
      name: "Northstar Camp",
      description: "Tents, sleeping bags and camp kitchens for families who camp every summer.",
      focus: ["tents", "sleep", "camp-kitchen", "trail-tools"],
    },
    { name: "Switchback Supply", description: "Footwear, clothing and packs for long days on the trail.", focus: ["footwear", "layers", "packs"] },
    {
      name: "Cinder Trail",
      description: "Lightweight stoves, filters and lights for fast-and-light trips.",
      focus: ["camp-kitchen", "water", "trail-tools", "sleep"],
    },
    { name: "Lakeshore Gear", description: "Bottles, clothing and packs for days by the water.", focus: ["water", "layers", "packs"] },
    { name: "Tundra Lab", description: "Warm sleep systems and insulated layers for cold nights.", focus: ["sleep", "jackets", "layers"] },
  ],
  types: [
    {
      key: "tents",
      modifiers: ["Ultralight", "Backpacking", "Family Camping", "Four-Season"],
      nouns: ["Tent"],
      variants: ["1-Person", "2-Person", "4-Person"],
      price: [99, 549],
      about: "A freestanding tent that pitches in minutes and stays dry in a downpour.",
    },
    {
      key: "packs",
      modifiers: ["Trail Daypack", "Hydration Pack", "Backpacking Pack", "Summit Pack", "Hip Pack"],
      variants: ["Slate", "Moss", "Ember"],
      price: [29, 279],
      about: "A comfortable pack with a ventilated back panel and pockets where you want them.",
    },
    {
      key: "sleep",
      modifiers: ["Down Sleeping Bag", "Synthetic Sleeping Bag", "Insulated Sleeping Pad", "Camp Pillow", "Sleeping Bag Liner"],
      variants: ["Regular", "Long", "Wide"],
      price: [19, 349],
      about: "Warm, packable sleep gear for a good night away from home.",
    },
    {
      key: "jackets",
      modifiers: ["Rain Shell", "Packable Down Jacket", "Fleece Pullover", "Softshell Jacket", "Insulated Vest"],
      variants: ["Men's", "Women's", "Unisex"],
      price: [49, 299],
      about: "A versatile layer that packs small and keeps the weather out.",
    },
    {
      key: "footwear",
      modifiers: ["Hiking Boots", "Trail Runners", "Approach Shoes", "Waterproof Mid Boots"],
      variants: ["Men's", "Women's", "Wide Fit"],
      price: [89, 219],
      about: "Grippy, supportive footwear that is comfortable straight out of the box.",
    },
    {
      key: "camp-kitchen",
      modifiers: ["Backpacking Stove", "Titanium Cook Pot", "Insulated Camp Mug", "Spork Set", "Collapsible Kettle", "Camp Cutting Board"],
      variants: ["Standard", "Ultralight"],
      price: [9, 129],
      about: "Compact camp kitchen gear that nests together and cleans up fast.",
    },
    {
      key: "trail-tools",
      modifiers: ["Rechargeable Headlamp", "Camp Lantern", "Trekking Poles", "Pocket Multitool", "Emergency Bivvy", "Baseplate Compass"],
      variants: ["Standard", "Pro"],
      price: [12, 99],
      about: "A reliable piece of kit that earns its place in the pack.",
    },
    {
      key: "water",
      modifiers: ["Insulated Water Bottle", "Collapsible Water Bottle", "Hydration Reservoir", "Gravity Water Filter"],
      variants: ["0.5 L", "1 L", "2 L"],
      price: [12, 89],
      about: "Keeps you drinking on the move, with BPA-free materials throughout.",
    },
    {
      key: "layers",
      modifiers: ["Merino Base Layer Top", "Merino Base Layer Bottom", "Sun Hoodie", "Hiking Pants", "Trail Shorts", "Wool Hiking Socks"],
      variants: ["Men's", "Women's", "Unisex"],
      price: [16, 119],
      about: "Breathable, quick-drying clothing that stays comfortable all day.",
    },
  ],
  extras: [
    "Field-tested by {brand} guides over a full season.",
    "Covered by a no-questions repair programme.",
    "Made with recycled fabrics wherever performance allows.",
    "Packs down small enough for a weekend bag.",
    "{brand} offers free repairs for the first two years.",
  ],
};
