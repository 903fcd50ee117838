import type { SectorWords } from "../catalog-words";

/** The kitchen sector's vocabulary (see catalog-words.ts). */
export const kitchen: SectorWords = {
  slug: "kitchen",
  name: "Kitchen",
  emoji: "🍳",
  description: "Cookware, knives, tools and tableware built for daily use and easy to care for.",
  brands: [
    {
      name: "Forge & Hearth",
      description: "Heavy cast iron and carbon steel cookware, pre-seasoned and made to be handed down.",
      focus: ["skillet", "pots", "bakeware", "boards"],
    },
    {
      name: "Keen Edge Cutlery",
      description: "Forged knives, boards and hand tools sharpened by hand before they leave the workshop.",
      focus: ["knives", "boards", "utensils"],
    },
    {
      name: "Copperleaf Kitchen",
      description: "Clad stainless cookware and the tools and containers to go with it.",
      focus: ["pots", "utensils", "storage"],
    },
    { name: "Tablefolk", description: "Stoneware, glassware and linens for a table that gets used every day.", focus: ["tableware", "storage", "boards"] },
    {
      name: "Proof & Crumb",
      description: "Bakeware and tools designed with professional bakers, sized for home ovens.",
      focus: ["bakeware", "utensils", "storage"],
    },
    {
      name: "Brewline Appliances",
      description: "Quiet, repairable countertop appliances with replaceable parts.",
      focus: ["appliances", "tableware", "utensils"],
    },
    {
      name: "Homestead Ironworks",
      description: "A small foundry making skillets, braisers and sturdy kitchen tools.",
      focus: ["skillet", "pots", "utensils"],
    },
  ],
  types: [
    {
      key: "skillet",
      modifiers: ["Cast Iron", "Carbon Steel", "Tri-Ply Stainless", "Ceramic Nonstick"],
      nouns: ["Skillet"],
      variants: ["8-inch", "10-inch", "12-inch"],
      price: [19, 129],
      about: "An everyday pan that heats evenly and goes from stovetop to oven.",
    },
    {
      key: "pots",
      modifiers: ["Enameled Dutch Oven", "Stainless Stockpot", "Tri-Ply Saucepan", "Straight-Sided Sauté Pan", "Cast Iron Braiser"],
      variants: ["2 qt", "4 qt", "6 qt"],
      price: [39, 249],
      about: "A heavy-bottomed pot for soups, braises and everything in between.",
    },
    {
      key: "knives",
      modifiers: ["Chef's Knife", "Santoku Knife", "Paring Knife", "Bread Knife", "Utility Knife", "Nakiri Knife"],
      variants: ["Black Handle", "Walnut Handle", "Olive Wood Handle"],
      price: [24, 189],
      about: "A balanced, razor-sharp blade that holds its edge and is easy to hone at home.",
    },
    {
      key: "boards",
      modifiers: ["End-Grain Maple", "Edge-Grain Walnut", "Bamboo", "Acacia", "Cherry"],
      nouns: ["Cutting Board"],
      variants: ["Small", "Medium", "Large"],
      price: [15, 119],
      about: "A knife-friendly board finished with food-safe oil.",
    },
    {
      key: "utensils",
      modifiers: ["Silicone Spatula", "Olive Wood Spoon", "Balloon Whisk", "Locking Tongs", "Fish Spatula", "Fine Zester"],
      variants: ["Single", "Set of 2", "Set of 3"],
      price: [6, 39],
      about: "A well-made tool that feels good in the hand and survives the dishwasher.",
    },
    {
      key: "bakeware",
      modifiers: ["Half Sheet Pan", "Loaf Pan", "Muffin Tin", "Pie Dish", "Springform Pan", "Cooling Rack"],
      variants: ["Single", "Set of 2"],
      price: [9, 49],
      about: "Heavy-gauge bakeware that browns evenly and will not warp in a hot oven.",
    },
    {
      key: "storage",
      modifiers: ["Glass Storage Containers", "Beeswax Wraps", "Stainless Canisters", "Silicone Food Bags", "Spice Jars"],
      variants: ["Set of 3", "Set of 6", "Set of 12"],
      price: [12, 69],
      about: "Airtight storage that keeps leftovers and dry goods fresh without single-use plastic.",
    },
    {
      key: "tableware",
      modifiers: ["Stoneware Dinner Plates", "Stoneware Bowls", "Linen Napkins", "Tumbler Glasses", "Coffee Mugs", "Stemless Wine Glasses"],
      variants: ["Set of 2", "Set of 4", "Set of 6"],
      price: [16, 119],
      about: "Sturdy, good-looking pieces meant for everyday meals rather than the back of the cupboard.",
    },
    {
      key: "appliances",
      modifiers: ["Electric Kettle", "Burr Coffee Grinder", "Immersion Blender", "Stand Mixer", "Two-Slice Toaster", "Pour-Over Coffee Maker"],
      variants: ["Matte Black", "Brushed Steel", "Sage Green"],
      price: [29, 349],
      about: "A countertop appliance that does one job very well and is easy to clean.",
    },
  ],
  extras: [
    "Backed by a lifetime warranty from {brand}.",
    "Hand wash and dry promptly to keep it looking new.",
    "Oven-safe and compatible with induction cooktops where it makes sense.",
    "Tested for months in our own kitchen before it joined the shop.",
    "Spare parts and care guides are available from {brand}.",
  ],
};
