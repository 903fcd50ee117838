import type { SectorWords } from "../catalog-words";

/** The kids sector's vocabulary (see catalog-words.ts). */
export const kids: SectorWords = {
  slug: "kids",
  name: "Kids",
  emoji: "🧸",
  description: "Toys, art supplies, clothing and nursery basics that are safe, sturdy and fun to share.",
  brands: [
    {
      name: "Little Acorn Toys",
      description: "Wooden toys, plush friends and first science kits made to be played with hard.",
      focus: ["wooden", "plush", "stem"],
    },
    { name: "Crayon Cove", description: "Non-toxic art supplies, science kits and outdoor play for curious kids.", focus: ["art", "stem", "outdoor-play"] },
    { name: "Tiny Tumbles", description: "Soft organic clothing and nursery basics for babies and toddlers.", focus: ["clothing", "nursery"] },
    { name: "Bright Sparks Lab", description: "STEM kits, art sets and building toys that grow with your child.", focus: ["stem", "art", "wooden"] },
    { name: "Pebble & Puddle", description: "Outdoor play gear and hard-wearing clothes for muddy days.", focus: ["outdoor-play", "clothing"] },
    { name: "Nestling Baby", description: "Nursery, feeding and cuddly essentials, tested by parents.", focus: ["nursery", "feeding", "plush"] },
    { name: "Wobble Wagon", description: "Bikes, blocks and mealtime gear for busy toddlers.", focus: ["outdoor-play", "wooden", "feeding"] },
  ],
  types: [
    {
      key: "plush",
      modifiers: ["Sleepy Fox", "Cuddly Bear", "Baby Elephant", "Floppy Bunny", "Friendly Dinosaur", "Narwhal"],
      nouns: ["Plush"],
      variants: ["Small", "Medium", "Large"],
      price: [12, 39],
      about: "A super-soft plush friend with embroidered eyes, safe from birth.",
    },
    {
      key: "wooden",
      modifiers: ["Wooden Train Set", "Stacking Rainbow", "Shape Sorter", "Play Kitchen", "Marble Run", "Building Blocks"],
      variants: ["Starter", "Deluxe", "Heirloom"],
      price: [16, 149],
      about: "Solid wood with water-based paints and rounded edges, built to last for years.",
    },
    {
      key: "art",
      modifiers: ["Washable Crayons", "Watercolor Paint Set", "Sidewalk Chalk", "Modeling Clay", "Reusable Sticker Book", "Finger Paints"],
      variants: ["12 Colors", "24 Colors", "Classroom Pack"],
      price: [5, 34],
      about: "Bright, non-toxic art supplies that wash out of clothes and off tables.",
    },
    {
      key: "stem",
      modifiers: ["Magnetic Tiles", "Coding Robot", "Microscope Kit", "Crystal Growing Kit", "Solar System Model", "Circuit Builder"],
      variants: ["Starter Set", "Explorer Set"],
      price: [19, 129],
      about: "Hands-on science and building fun with a step-by-step guide for grown-ups.",
    },
    {
      key: "clothing",
      modifiers: ["Organic Cotton", "Striped", "Fleece", "Rainbow"],
      nouns: ["Pajama Set", "Hoodie", "Leggings", "Romper"],
      variants: ["2T", "4T", "6"],
      price: [14, 39],
      about: "Soft, stretchy clothes with room to grow and seams that do not itch.",
    },
    {
      key: "nursery",
      modifiers: ["Muslin Swaddle", "Fitted Crib Sheet", "Knitted Baby Blanket", "Hooded Bath Towel", "Burp Cloths", "Sleep Sack"],
      variants: ["Cloud", "Sage", "Sunflower"],
      price: [12, 49],
      about: "Breathable organic cotton that gets softer with every wash.",
    },
    {
      key: "outdoor-play",
      modifiers: ["Balance Bike", "Three-Wheel Scooter", "Kids' Bike Helmet", "Bubble Machine", "Sandbox Tool Set", "Diamond Kite"],
      variants: ["Red", "Blue", "Mint"],
      price: [12, 139],
      about: "Sturdy outdoor fun that builds balance and confidence.",
    },
    {
      key: "feeding",
      modifiers: ["Silicone Suction Plate", "Sippy Cup", "Spill-Proof Snack Cup", "Bamboo Bowl Set", "Waterproof Bib"],
      variants: ["Single", "2-Pack"],
      price: [7, 29],
      about: "Mealtime gear that stays put, cleans easily and is free of BPA.",
    },
  ],
  extras: [
    "Safety tested to international toy standards.",
    "{brand} designs every piece with parents and teachers.",
    "Gift-ready packaging with no plastic windows.",
    "Recommended for ages 3 and up unless the label says otherwise.",
    "Machine washable where it makes sense, because kids.",
  ],
};
