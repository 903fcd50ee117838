/**
 * Hand-written vocabulary for the demo catalog (demo-catalog.ts turns it into rows).
 * Product names are built as "<modifier> <noun>, <variant>"; every brand draws only from the
 * product types it focuses on, so names fit the brand and the sector.
 */

export interface ProductTypeWords {
  key: string;
  modifiers: readonly string[];
  /** Appended after the modifier; omit when the modifier already names the product. */
  nouns?: readonly string[];
  /** Sizes, colours, packs…; listed from cheapest to dearest (later variants cost more). */
  variants?: readonly string[];
  /** Whole-dollar price range of the type. */
  price: readonly [min: number, max: number];
  /** First sentence of every description of this type. */
  about: string;
}

export interface BrandWords {
  name: string;
  description: string;
  /** Keys of the sector's product types this brand makes. */
  focus: readonly string[];
}

export interface SectorWords {
  slug: string;
  name: string;
  description: string;
  emoji: string;
  brands: readonly BrandWords[];
  types: readonly ProductTypeWords[];
  /** Optional later sentences of product descriptions; "{brand}" is replaced by the brand name. */
  extras: readonly string[];
}

export const CATALOG_WORDS: readonly SectorWords[] = [
  {
    slug: "fresh-produce",
    name: "Fresh Produce",
    emoji: "🍎",
    description: "Seasonal fruit, crisp vegetables and fresh herbs from growers who pick close to ripeness. Packed cold so it arrives the way it left the field.",
    brands: [
      { name: "Orchard Lane", description: "A cooperative of family orchards in the Pacific Northwest. Tree-ripened fruit, picked by hand and packed within days.", focus: ["apples", "citrus", "stone-fruit", "tropical"] },
      { name: "Leafwise Greens", description: "Hydroponic greens, herbs and mushrooms grown year-round a short drive from the city.", focus: ["greens", "herbs", "mushrooms"] },
      { name: "Sunfield Farms", description: "A third-generation vegetable farm known for heirloom tomatoes and sweet root crops.", focus: ["tomatoes", "roots", "greens", "herbs"] },
      { name: "Berry Hollow", description: "Berries and stone fruit from small growers, sold in mixed boxes when the season peaks.", focus: ["berries", "stone-fruit", "boxes"] },
      { name: "Rootstock & Co.", description: "Roots, tubers and wild-style mushrooms for cooks who like dirt on their carrots.", focus: ["roots", "mushrooms", "boxes"] },
      { name: "Tropic Crate", description: "Fair-trade tropical fruit and citrus, ripened in our own rooms before it ships.", focus: ["tropical", "citrus", "boxes"] },
      { name: "Little Sprout Growers", description: "A market-garden collective: herbs, salad greens, cherry tomatoes and summer berries.", focus: ["herbs", "greens", "tomatoes", "berries"] },
    ],
    types: [
      { key: "apples", modifiers: ["Honeycrisp", "Gala", "Fuji", "Granny Smith", "Pink Lady", "Cosmic Crisp"], nouns: ["Apples"], variants: ["2 lb Bag", "3 lb Bag", "5 lb Box"], price: [3, 12], about: "Crisp, juicy apples picked at peak ripeness and packed within days." },
      { key: "citrus", modifiers: ["Navel Oranges", "Cara Cara Oranges", "Meyer Lemons", "Key Limes", "Ruby Red Grapefruit", "Clementines"], variants: ["2 lb Bag", "4 lb Bag", "10 lb Box"], price: [4, 24], about: "Bright, thin-skinned citrus with plenty of juice for breakfast, baking and cocktails." },
      { key: "berries", modifiers: ["Strawberries", "Blueberries", "Raspberries", "Blackberries", "Mixed Berries"], variants: ["6 oz Clamshell", "12 oz Clamshell", "2 lb Flat"], price: [3, 14], about: "Sweet berries sorted by hand, chilled right after picking and best eaten within a few days." },
      { key: "stone-fruit", modifiers: ["Yellow Peaches", "White Nectarines", "Black Plums", "Bing Cherries", "Apricots"], variants: ["1 lb", "2 lb", "4 lb Box"], price: [3, 16], about: "Summer stone fruit left on the tree until it smells like it should." },
      { key: "greens", modifiers: ["Baby Spinach", "Spring Mix", "Lacinato Kale", "Wild Arugula", "Butter Lettuce", "Romaine Hearts"], variants: ["5 oz", "10 oz", "1 lb Family Size"], price: [2, 8], about: "Tender greens, triple-washed and ready for the salad bowl or the sauté pan." },
      { key: "roots", modifiers: ["Rainbow Carrots", "Yukon Gold Potatoes", "Red Beets", "Sweet Potatoes", "Parsnips", "Shallots"], variants: ["1 lb", "2 lb", "5 lb Bag"], price: [2, 9], about: "Sweet, earthy roots that roast beautifully and keep for weeks somewhere cool." },
      { key: "herbs", modifiers: ["Sweet Basil", "Flat-Leaf Parsley", "Cilantro", "Spearmint", "Rosemary", "Lemon Thyme", "Dill"], variants: ["Bunch", "Clamshell", "Living Pot"], price: [2, 6], about: "Fragrant fresh herbs cut the morning they ship." },
      { key: "tomatoes", modifiers: ["Heirloom Tomatoes", "Cherry Tomatoes", "Roma Tomatoes", "Campari Tomatoes", "Sun Gold Tomatoes"], variants: ["1 Pint", "1 lb", "2 lb"], price: [3, 9], about: "Vine-ripened tomatoes with real tomato flavour, never refrigerated on the way to you." },
      { key: "tropical", modifiers: ["Hass Avocados", "Ataulfo Mangoes", "Golden Pineapple", "Kiwifruit", "Bananas", "Red Papaya"], variants: ["Single", "4-Pack", "Family Pack"], price: [1, 10], about: "Tropical fruit ripened gently after harvest so it is ready when it arrives." },
      { key: "mushrooms", modifiers: ["Cremini Mushrooms", "Shiitake Mushrooms", "Oyster Mushrooms", "Maitake Mushrooms", "Portobello Caps"], variants: ["8 oz", "1 lb"], price: [3, 12], about: "Firm, meaty mushrooms grown indoors on hardwood and harvested daily." },
      { key: "boxes", modifiers: ["Seasonal Fruit", "Salad Lover's", "Farmers' Market", "Juicing", "Snack Time"], nouns: ["Box"], variants: ["Small", "Medium", "Large"], price: [19, 59], about: "A mixed box of whatever is best this week, chosen by the people who grew it." },
    ],
    extras: [
      "Grown by {brand} without synthetic pesticides.",
      "Store in the crisper drawer and rinse just before eating.",
      "Availability follows the season, so quantities are limited.",
      "Packed in compostable materials with a cold pack in warm weather.",
      "{brand} picks to order, so what you get was in the field yesterday.",
      "A favourite of our produce team this month.",
    ],
  },
  {
    slug: "pantry",
    name: "Pantry",
    emoji: "🥫",
    description: "Oils, grains, sauces, spices and snacks that keep the cupboard ready for weeknight dinners and slow Sunday cooking.",
    brands: [
      { name: "Stone Mill Pantry", description: "Stone-ground flours, heritage grains and bronze-cut pasta from a small mill in the valley.", focus: ["grains", "baking", "pasta"] },
      { name: "Olivara", description: "Single-estate olive oils and aged vinegars from growers we have visited in person.", focus: ["oil", "vinegar", "sauce"] },
      { name: "Casa Nonna", description: "Family recipes for pasta and slow-simmered sauces, made in small batches.", focus: ["pasta", "sauce", "oil"] },
      { name: "Spice Route Trading", description: "Whole and ground spices, grains and teas sourced directly from growers and blended fresh.", focus: ["spices", "grains", "tea"] },
      { name: "Hive & Harvest", description: "Raw honey, preserves and baking staples from beekeepers and orchards nearby.", focus: ["sweet", "snacks", "baking"] },
      { name: "Crunch Theory", description: "Roasted nuts, crackers and sweet spreads for the three o'clock slump.", focus: ["snacks", "sweet", "baking"] },
      { name: "Morning Ritual Roasters", description: "Small-lot coffee roasted every Monday, plus the teas and spreads that go with it.", focus: ["coffee", "tea", "sweet", "snacks"] },
    ],
    types: [
      { key: "oil", modifiers: ["Extra Virgin Olive Oil", "Avocado Oil", "Toasted Sesame Oil", "Cold-Pressed Sunflower Oil", "Garlic-Infused Olive Oil"], variants: ["250 ml", "500 ml", "1 L"], price: [6, 28], about: "Cold-pressed oil with a clean, fresh taste, bottled in dark glass to protect it from light." },
      { key: "vinegar", modifiers: ["Aged Balsamic Vinegar", "Apple Cider Vinegar", "Red Wine Vinegar", "Rice Vinegar", "Sherry Vinegar"], variants: ["250 ml", "500 ml"], price: [4, 22], about: "A well-balanced vinegar for dressings, marinades and a splash in the pan." },
      { key: "pasta", modifiers: ["Spaghetti", "Rigatoni", "Orecchiette", "Fusilli", "Bucatini", "Penne Rigate"], variants: ["500 g", "1 kg", "3 x 500 g"], price: [2, 12], about: "Bronze-die pasta dried slowly so sauce clings to every piece." },
      { key: "grains", modifiers: ["Arborio Rice", "Basmati Rice", "Red Quinoa", "Pearled Farro", "Steel-Cut Oats", "Black Lentils"], variants: ["1 lb", "2 lb", "5 lb"], price: [3, 18], about: "Whole grains and pulses that cook evenly and keep well in a sealed jar." },
      { key: "sauce", modifiers: ["Marinara", "Arrabbiata", "Tomato Basil", "Basil Pesto", "Puttanesca"], nouns: ["Sauce"], variants: ["12 oz Jar", "24 oz Jar", "2-Pack"], price: [4, 16], about: "Slow-simmered in small batches with no added sugar." },
      { key: "spices", modifiers: ["Smoked Paprika", "Ground Cumin", "Ceylon Cinnamon", "Tellicherry Peppercorns", "Za'atar", "Herbes de Provence", "Garam Masala"], variants: ["Jar", "Refill Pouch", "Large Tin"], price: [4, 14], about: "Ground in small batches for full aroma, with the harvest date on every label." },
      { key: "snacks", modifiers: ["Sea Salt Almonds", "Rosemary Cashews", "Chili Lime Peanuts", "Honey Roasted Pecans", "Trail Mix", "Everything Crackers"], variants: ["5 oz", "10 oz", "6-Pack Snack Bags"], price: [3, 15], about: "A crunchy, savoury snack roasted in small batches." },
      { key: "sweet", modifiers: ["Wildflower Honey", "Pure Maple Syrup", "Strawberry Jam", "Apricot Preserves", "Salted Caramel Sauce", "Chocolate Hazelnut Spread"], variants: ["8 oz", "16 oz", "32 oz"], price: [5, 24], about: "Made with simple ingredients and just enough sweetness." },
      { key: "baking", modifiers: ["Unbleached All-Purpose Flour", "Whole Wheat Flour", "Almond Flour", "Organic Cane Sugar", "Dutch Cocoa Powder", "Rolled Oats"], variants: ["1 lb", "2 lb", "5 lb"], price: [3, 18], about: "A dependable baking staple that gives the same result batch after batch." },
      { key: "coffee", modifiers: ["Breakfast Blend", "Dark Roast", "Decaf Colombian", "Single-Origin Ethiopia"], nouns: ["Coffee"], variants: ["Whole Bean 12 oz", "Ground 12 oz", "Whole Bean 2 lb"], price: [11, 36], about: "Roasted weekly and shipped within days of roasting for a sweet, rounded cup." },
      { key: "tea", modifiers: ["Earl Grey", "Sencha Green", "Chamomile", "English Breakfast"], nouns: ["Tea"], variants: ["20 Sachets", "50 Sachets", "Loose Leaf 4 oz"], price: [5, 19], about: "Whole-leaf tea that brews a full-flavoured cup without bitterness." },
    ],
    extras: [
      "{brand} packs everything in recyclable or compostable packaging.",
      "Store in a cool, dark cupboard once opened.",
      "A staple in our test kitchen, where it gets used every week.",
      "Made without artificial colours, flavours or preservatives.",
      "Pairs well with the rest of the {brand} range.",
    ],
  },
  {
    slug: "kitchen",
    name: "Kitchen",
    emoji: "🍳",
    description: "Cookware, knives, tools and tableware built for daily use and easy to care for.",
    brands: [
      { name: "Forge & Hearth", description: "Heavy cast iron and carbon steel cookware, pre-seasoned and made to be handed down.", focus: ["skillet", "pots", "bakeware", "boards"] },
      { name: "Keen Edge Cutlery", description: "Forged knives, boards and hand tools sharpened by hand before they leave the workshop.", focus: ["knives", "boards", "utensils"] },
      { name: "Copperleaf Kitchen", description: "Clad stainless cookware and the tools and containers to go with it.", focus: ["pots", "utensils", "storage"] },
      { name: "Tablefolk", description: "Stoneware, glassware and linens for a table that gets used every day.", focus: ["tableware", "storage", "boards"] },
      { name: "Proof & Crumb", description: "Bakeware and tools designed with professional bakers, sized for home ovens.", focus: ["bakeware", "utensils", "storage"] },
      { name: "Brewline Appliances", description: "Quiet, repairable countertop appliances with replaceable parts.", focus: ["appliances", "tableware", "utensils"] },
      { name: "Homestead Ironworks", description: "A small foundry making skillets, braisers and sturdy kitchen tools.", focus: ["skillet", "pots", "utensils"] },
    ],
    types: [
      { key: "skillet", modifiers: ["Cast Iron", "Carbon Steel", "Tri-Ply Stainless", "Ceramic Nonstick"], nouns: ["Skillet"], variants: ["8-inch", "10-inch", "12-inch"], price: [19, 129], about: "An everyday pan that heats evenly and goes from stovetop to oven." },
      { key: "pots", modifiers: ["Enameled Dutch Oven", "Stainless Stockpot", "Tri-Ply Saucepan", "Straight-Sided Sauté Pan", "Cast Iron Braiser"], variants: ["2 qt", "4 qt", "6 qt"], price: [39, 249], about: "A heavy-bottomed pot for soups, braises and everything in between." },
      { key: "knives", modifiers: ["Chef's Knife", "Santoku Knife", "Paring Knife", "Bread Knife", "Utility Knife", "Nakiri Knife"], variants: ["Black Handle", "Walnut Handle", "Olive Wood Handle"], price: [24, 189], about: "A balanced, razor-sharp blade that holds its edge and is easy to hone at home." },
      { key: "boards", modifiers: ["End-Grain Maple", "Edge-Grain Walnut", "Bamboo", "Acacia", "Cherry"], nouns: ["Cutting Board"], variants: ["Small", "Medium", "Large"], price: [15, 119], about: "A knife-friendly board finished with food-safe oil." },
      { key: "utensils", modifiers: ["Silicone Spatula", "Olive Wood Spoon", "Balloon Whisk", "Locking Tongs", "Fish Spatula", "Fine Zester"], variants: ["Single", "Set of 2", "Set of 3"], price: [6, 39], about: "A well-made tool that feels good in the hand and survives the dishwasher." },
      { key: "bakeware", modifiers: ["Half Sheet Pan", "Loaf Pan", "Muffin Tin", "Pie Dish", "Springform Pan", "Cooling Rack"], variants: ["Single", "Set of 2"], price: [9, 49], about: "Heavy-gauge bakeware that browns evenly and will not warp in a hot oven." },
      { key: "storage", modifiers: ["Glass Storage Containers", "Beeswax Wraps", "Stainless Canisters", "Silicone Food Bags", "Spice Jars"], variants: ["Set of 3", "Set of 6", "Set of 12"], price: [12, 69], about: "Airtight storage that keeps leftovers and dry goods fresh without single-use plastic." },
      { key: "tableware", modifiers: ["Stoneware Dinner Plates", "Stoneware Bowls", "Linen Napkins", "Tumbler Glasses", "Coffee Mugs", "Stemless Wine Glasses"], variants: ["Set of 2", "Set of 4", "Set of 6"], price: [16, 119], about: "Sturdy, good-looking pieces meant for everyday meals rather than the back of the cupboard." },
      { key: "appliances", modifiers: ["Electric Kettle", "Burr Coffee Grinder", "Immersion Blender", "Stand Mixer", "Two-Slice Toaster", "Pour-Over Coffee Maker"], variants: ["Matte Black", "Brushed Steel", "Sage Green"], price: [29, 349], about: "A countertop appliance that does one job very well and is easy to clean." },
    ],
    extras: [
      "Backed by a lifetime warranty from {brand}.",
      "Hand wash and dry promptly to keep it looking new.",
      "Oven-safe and compatible with induction cooktops where it makes sense.",
      "Tested for months in our own kitchen before it joined the shop.",
      "Spare parts and care guides are available from {brand}.",
    ],
  },
  {
    slug: "home-garden",
    name: "Home & Garden",
    emoji: "🪴",
    description: "Planters, seeds, linens and tools for the spaces inside and out, from windowsill herbs to the back fence.",
    brands: [
      { name: "Terra & Twig", description: "Planters, houseplants and hand tools for people who talk to their plants.", focus: ["planters", "houseplants", "tools"] },
      { name: "Seedkeeper Supply", description: "Open-pollinated seeds, sturdy tools and backyard projects for home growers.", focus: ["seeds", "tools", "yard"] },
      { name: "Linen & Loom", description: "Stonewashed linen and woven throws, made in small mills.", focus: ["bedding", "throws", "candles"] },
      { name: "Ember Lane Candle Co.", description: "Hand-poured soy candles and warm lighting for slow evenings.", focus: ["candles", "lighting", "throws"] },
      { name: "Greenhouse Nine", description: "A nursery growing easy-care houseplants and the seeds and pots to go with them.", focus: ["houseplants", "planters", "seeds"] },
      { name: "Tidy Nest", description: "Plant-based cleaning products and cosy home basics.", focus: ["cleaning", "throws", "candles"] },
      { name: "Backyard Assembly", description: "Raised beds, rain barrels, outdoor lighting and tools for the garden.", focus: ["yard", "lighting", "tools"] },
    ],
    types: [
      { key: "planters", modifiers: ["Terracotta", "Glazed Ceramic", "Self-Watering", "Hanging", "Concrete"], nouns: ["Planter"], variants: ["Small", "Medium", "Large"], price: [12, 89], about: "A planter with a drainage hole and a saucer, so roots stay healthy." },
      { key: "seeds", modifiers: ["Heirloom Tomato", "Pollinator Wildflower", "Salad Greens", "Culinary Herb", "Giant Sunflower", "Cut Flower"], nouns: ["Seed Collection"], variants: ["Starter Pack", "Garden Pack", "Market Garden Pack"], price: [4, 29], about: "Open-pollinated, untreated seeds with clear growing notes on every packet." },
      { key: "tools", modifiers: ["Hand Trowel", "Pruning Shears", "Digging Fork", "Weeding Knife", "Watering Can", "Kneeling Pad"], variants: ["Classic", "Ergonomic", "Pro"], price: [12, 59], about: "A garden tool built to take daily use, with a replaceable handle." },
      { key: "houseplants", modifiers: ["Monstera Deliciosa", "Snake Plant", "Golden Pothos", "Fiddle Leaf Fig", "ZZ Plant", "Peace Lily"], variants: ["4-inch Pot", "6-inch Pot", "10-inch Pot"], price: [12, 89], about: "A healthy, well-rooted houseplant shipped in its grow pot with care instructions." },
      { key: "bedding", modifiers: ["Stonewashed Linen", "Cotton Percale", "Cotton Sateen", "Brushed Flannel"], nouns: ["Sheet Set"], variants: ["Twin", "Queen", "King"], price: [59, 229], about: "Breathable sheets that get softer with every wash." },
      { key: "throws", modifiers: ["Waffle Knit Throw", "Chunky Wool Throw", "Cotton Quilt", "Down Alternative Comforter", "Velvet Cushion Cover"], variants: ["Oatmeal", "Slate", "Terracotta", "Sage"], price: [29, 189], about: "A soft, washable layer that makes a room feel finished." },
      { key: "candles", modifiers: ["Cedar & Sage", "Fig Leaf", "Sea Salt & Orchid", "Amber Woods", "Fresh Linen", "Citrus Grove"], nouns: ["Candle"], variants: ["8 oz", "14 oz", "3-Wick"], price: [14, 49], about: "A clean-burning soy wax candle with a cotton wick and a scent that fills the room." },
      { key: "cleaning", modifiers: ["All-Purpose Cleaner", "Dish Soap", "Laundry Detergent", "Glass Cleaner", "Wool Dryer Balls"], variants: ["Unscented", "Lavender", "Lemon Verbena"], price: [5, 24], about: "A plant-based cleaner that cuts grime without harsh fumes." },
      { key: "lighting", modifiers: ["Rattan Pendant Lamp", "Ceramic Table Lamp", "Solar String Lights", "Brass Floor Lamp", "LED Lantern"], variants: ["Natural", "Black", "White"], price: [24, 199], about: "Warm, glare-free light for reading corners and long evenings outside." },
      { key: "yard", modifiers: ["Compost Bin", "Raised Garden Bed", "Rain Barrel", "Bird Feeder", "Cedar Trellis"], variants: ["Small", "Medium", "Large"], price: [29, 199], about: "A weather-resistant backyard project that assembles in under an hour." },
    ],
    extras: [
      "{brand} ships it in plastic-free packaging.",
      "Designed to look good for years, not one season.",
      "Our team has used one at home for over a year.",
      "Part of the {brand} collection, so it mixes well with the rest.",
      "Returns are free within 60 days if it does not suit your space.",
    ],
  },
  {
    slug: "outdoors",
    name: "Outdoors",
    emoji: "🏕️",
    description: "Tents, packs, layers and trail gear tested on long days outside and priced for weekend adventurers.",
    brands: [
      { name: "Ridgeback Outfitters", description: "Packs, shelters and trail essentials designed in the mountains they are named after.", focus: ["packs", "tents", "trail-tools", "water"] },
      { name: "Summit Thread", description: "Technical layers and footwear that move from the trailhead to town.", focus: ["jackets", "layers", "footwear"] },
      { name: "Northstar Camp", description: "Tents, sleeping bags and camp kitchens for families who camp every summer.", focus: ["tents", "sleep", "camp-kitchen", "trail-tools"] },
      { name: "Switchback Supply", description: "Footwear, clothing and packs for long days on the trail.", focus: ["footwear", "layers", "packs"] },
      { name: "Cinder Trail", description: "Lightweight stoves, filters and lights for fast-and-light trips.", focus: ["camp-kitchen", "water", "trail-tools", "sleep"] },
      { name: "Lakeshore Gear", description: "Bottles, clothing and packs for days by the water.", focus: ["water", "layers", "packs"] },
      { name: "Tundra Lab", description: "Warm sleep systems and insulated layers for cold nights.", focus: ["sleep", "jackets", "layers"] },
    ],
    types: [
      { key: "tents", modifiers: ["Ultralight", "Backpacking", "Family Camping", "Four-Season"], nouns: ["Tent"], variants: ["1-Person", "2-Person", "4-Person"], price: [99, 549], about: "A freestanding tent that pitches in minutes and stays dry in a downpour." },
      { key: "packs", modifiers: ["Trail Daypack", "Hydration Pack", "Backpacking Pack", "Summit Pack", "Hip Pack"], variants: ["Slate", "Moss", "Ember"], price: [29, 279], about: "A comfortable pack with a ventilated back panel and pockets where you want them." },
      { key: "sleep", modifiers: ["Down Sleeping Bag", "Synthetic Sleeping Bag", "Insulated Sleeping Pad", "Camp Pillow", "Sleeping Bag Liner"], variants: ["Regular", "Long", "Wide"], price: [19, 349], about: "Warm, packable sleep gear for a good night away from home." },
      { key: "jackets", modifiers: ["Rain Shell", "Packable Down Jacket", "Fleece Pullover", "Softshell Jacket", "Insulated Vest"], variants: ["Men's", "Women's", "Unisex"], price: [49, 299], about: "A versatile layer that packs small and keeps the weather out." },
      { key: "footwear", modifiers: ["Hiking Boots", "Trail Runners", "Approach Shoes", "Waterproof Mid Boots"], variants: ["Men's", "Women's", "Wide Fit"], price: [89, 219], about: "Grippy, supportive footwear that is comfortable straight out of the box." },
      { key: "camp-kitchen", modifiers: ["Backpacking Stove", "Titanium Cook Pot", "Insulated Camp Mug", "Spork Set", "Collapsible Kettle", "Camp Cutting Board"], variants: ["Standard", "Ultralight"], price: [9, 129], about: "Compact camp kitchen gear that nests together and cleans up fast." },
      { key: "trail-tools", modifiers: ["Rechargeable Headlamp", "Camp Lantern", "Trekking Poles", "Pocket Multitool", "Emergency Bivvy", "Baseplate Compass"], variants: ["Standard", "Pro"], price: [12, 99], about: "A reliable piece of kit that earns its place in the pack." },
      { key: "water", modifiers: ["Insulated Water Bottle", "Collapsible Water Bottle", "Hydration Reservoir", "Gravity Water Filter"], variants: ["0.5 L", "1 L", "2 L"], price: [12, 89], about: "Keeps you drinking on the move, with BPA-free materials throughout." },
      { key: "layers", modifiers: ["Merino Base Layer Top", "Merino Base Layer Bottom", "Sun Hoodie", "Hiking Pants", "Trail Shorts", "Wool Hiking Socks"], variants: ["Men's", "Women's", "Unisex"], price: [16, 119], about: "Breathable, quick-drying clothing that stays comfortable all day." },
    ],
    extras: [
      "Field-tested by {brand} guides over a full season.",
      "Covered by a no-questions repair programme.",
      "Made with recycled fabrics wherever performance allows.",
      "Packs down small enough for a weekend bag.",
      "{brand} offers free repairs for the first two years.",
    ],
  },
  {
    slug: "wellness",
    name: "Wellness",
    emoji: "🧘",
    description: "Skin care, bath, sleep and movement essentials with short ingredient lists and honest labels.",
    brands: [
      { name: "Fernwood Apothecary", description: "Botanical skin care, body care and bath rituals, made in small batches.", focus: ["skincare", "body", "bath"] },
      { name: "Still Water Bath", description: "Mineral soaks and gentle body care for the end of a long day.", focus: ["bath", "body"] },
      { name: "Daily Dose Nutrition", description: "Third-party-tested supplements, herbal teas and everyday care basics.", focus: ["supplements", "herbal-tea", "oral"] },
      { name: "Mat & Motion", description: "Yoga and recovery gear for small spaces, plus tools for better rest.", focus: ["movement", "sleep"] },
      { name: "Hushlight Sleep", description: "Everything for winding down: sleep aids, calming teas and warm baths.", focus: ["sleep", "herbal-tea", "bath"] },
      { name: "Clean Slate Essentials", description: "Fragrance-free skin care, body care and oral care for sensitive skin.", focus: ["oral", "skincare", "body"] },
      { name: "Verdant Ritual", description: "Herbal blends, supplements and skin care rooted in plant traditions.", focus: ["herbal-tea", "skincare", "supplements"] },
    ],
    types: [
      { key: "skincare", modifiers: ["Hydrating Face Cream", "Gentle Cleanser", "Vitamin C Serum", "Mineral Sunscreen SPF 30", "Overnight Repair Mask", "Lip Balm"], variants: ["Travel Size", "Full Size", "Value Size"], price: [6, 48], about: "A gentle, dermatologist-tested formula suitable for everyday use." },
      { key: "body", modifiers: ["Lavender", "Eucalyptus Mint", "Unscented", "Oat & Honey", "Citrus Bergamot", "Rose Geranium"], nouns: ["Body Lotion", "Body Wash", "Hand Cream", "Bar Soap"], price: [6, 22], about: "Nourishing body care made with plant oils and nothing you cannot pronounce." },
      { key: "bath", modifiers: ["Lavender", "Eucalyptus", "Unscented", "Rose", "Sea Salt"], nouns: ["Bath Salts", "Bath Soak", "Shower Steamers"], variants: ["8 oz", "16 oz"], price: [8, 28], about: "A mineral-rich soak that turns an ordinary bath into a proper rest." },
      { key: "supplements", modifiers: ["Magnesium Glycinate", "Vitamin D3", "Omega-3 Fish Oil", "Daily Probiotic", "Electrolyte Mix", "Collagen Peptides", "Zinc", "Iron Bisglycinate", "B-Complex"], variants: ["30-Day Supply", "60-Day Supply", "90-Day Supply"], price: [12, 49], about: "A third-party-tested supplement with the dose printed clearly on the front." },
      { key: "movement", modifiers: ["Yoga Mat", "Cork Yoga Block", "Yoga Strap", "Meditation Cushion", "Foam Roller", "Resistance Band Set", "Balance Board", "Weighted Jump Rope"], variants: ["Charcoal", "Sage", "Clay", "Ocean"], price: [14, 119], about: "Movement gear with a good grip and a calm look, sized for small spaces." },
      { key: "sleep", modifiers: ["Silk Sleep Mask", "Weighted Blanket", "Aromatherapy Diffuser", "White Noise Machine", "Buckwheat Pillow"], variants: ["Standard", "Deluxe"], price: [19, 179], about: "Designed to help you fall asleep faster and wake up rested." },
      { key: "herbal-tea", modifiers: ["Sleepy Time", "Ginger Turmeric", "Peppermint", "Hibiscus", "Lemon Balm"], nouns: ["Herbal Tea"], variants: ["20 Sachets", "Loose Leaf 3 oz"], price: [6, 16], about: "A caffeine-free herbal blend for any hour of the day." },
      { key: "oral", modifiers: ["Charcoal Toothpaste", "Bamboo Toothbrush", "Mint Floss", "Copper Tongue Scraper", "Alcohol-Free Mouthwash"], variants: ["Single", "Family Pack"], price: [4, 19], about: "Everyday oral care with simple ingredients and plastic-light packaging." },
    ],
    extras: [
      "Cruelty-free and made without parabens or synthetic fragrance.",
      "{brand} lists every ingredient and where it comes from.",
      "Patch test first if you have sensitive skin.",
      "A quiet bestseller with our customer care team.",
      "Made in small batches by {brand} and dated on the label.",
    ],
  },
  {
    slug: "electronics",
    name: "Electronics",
    emoji: "🎧",
    description: "Headphones, speakers, chargers and smart home gear that is easy to set up and built to last.",
    brands: [
      { name: "Pulsewave Audio", description: "Headphones and speakers tuned by studio engineers for natural, detailed sound.", focus: ["audio", "speakers", "charging"] },
      { name: "Voltbridge", description: "Chargers, cables, hubs and smart plugs that simply work with everything.", focus: ["charging", "computer", "smart-home"] },
      { name: "Lumen Home", description: "Smart lighting, cameras and speakers with local control and no subscription required.", focus: ["smart-home", "speakers", "charging"] },
      { name: "Keystroke Labs", description: "Keyboards, desk gear and tablet accessories for people who type all day.", focus: ["computer", "charging", "tablets"] },
      { name: "Trailcam Optics", description: "Rugged cameras and wearables for recording the adventure, not just the destination.", focus: ["cameras", "wearables", "charging"] },
      { name: "Orbit Wearables", description: "Watches, trackers and earbuds that get out of the way of your day.", focus: ["wearables", "audio", "charging"] },
      { name: "Nimbus Devices", description: "Tablets, e-readers and the accessories that make them more useful.", focus: ["tablets", "computer", "audio"] },
    ],
    types: [
      { key: "audio", modifiers: ["Wireless Earbuds", "Over-Ear Headphones", "Noise-Cancelling Headphones", "Sport Earbuds", "Kids' Volume-Limited Headphones"], variants: ["Black", "White", "Navy"], price: [29, 349], about: "Clear, balanced sound with long battery life and a comfortable fit." },
      { key: "speakers", modifiers: ["Portable Bluetooth Speaker", "Bookshelf Speakers", "Smart Speaker", "Compact Soundbar", "Waterproof Shower Speaker"], variants: ["Charcoal", "Sand", "Forest"], price: [29, 399], about: "Room-filling sound from a speaker that pairs in seconds." },
      { key: "charging", modifiers: ["65W USB-C Charger", "Wireless Charging Pad", "10,000 mAh Power Bank", "20,000 mAh Power Bank", "Braided USB-C Cable", "Multi-Port Charging Station"], variants: ["Black", "White"], price: [12, 89], about: "Fast, safe charging with protection against overheating and over-current." },
      { key: "smart-home", modifiers: ["Smart Plug", "Smart LED Bulb", "Video Doorbell", "Indoor Security Camera", "Smart Thermostat", "Motion Sensor"], variants: ["Single", "2-Pack", "4-Pack"], price: [14, 249], about: "Works with the major voice assistants and keeps running when the internet is down." },
      { key: "computer", modifiers: ["Mechanical Keyboard", "Wireless Mouse", "Aluminium Laptop Stand", "7-in-1 USB-C Hub", "1080p Webcam", "Felt Desk Mat"], variants: ["Graphite", "Silver", "White"], price: [19, 169], about: "Desk gear that makes long working days more comfortable." },
      { key: "wearables", modifiers: ["Fitness Tracker", "Smartwatch", "Sleep Tracking Ring", "GPS Running Watch", "Kids' Smartwatch"], variants: ["Small", "Large", "Sport Band"], price: [49, 399], about: "Tracks activity, heart rate and sleep with a battery that lasts the week." },
      { key: "cameras", modifiers: ["Action Camera", "Instant Camera", "Dash Cam", "Travel Tripod", "Ring Light"], variants: ["Standard", "Creator Kit", "Bundle"], price: [29, 379], about: "Captures sharp photos and steady video with simple, one-button controls." },
      { key: "tablets", modifiers: ["E-Reader", "10-inch Tablet", "Folio Tablet Case", "Active Stylus Pen", "Glass Screen Protector"], variants: ["Black", "Blue"], price: [15, 299], about: "Light, responsive and easy on the eyes for long reading sessions." },
    ],
    extras: [
      "Includes a two-year warranty from {brand}.",
      "Firmware updates arrive automatically over the air.",
      "Ships with a USB-C cable and recyclable packaging.",
      "{brand} offers repairs and replacement batteries after the warranty ends.",
      "Rated highly by reviewers for set-up that takes minutes, not hours.",
    ],
  },
  {
    slug: "books-games",
    name: "Books & Games",
    emoji: "📚",
    description: "Novels, cookbooks, puzzles and games for quiet evenings and loud game nights.",
    brands: [
      { name: "Lanternlight Press", description: "An independent publisher of literary fiction and curious non-fiction.", focus: ["novels", "nonfiction"] },
      { name: "Hearth Table Books", description: "Cookbooks and food writing from home cooks and chefs alike.", focus: ["cookbooks", "nonfiction"] },
      { name: "Tessellate Puzzles", description: "Jigsaw puzzles with original artwork, thick board and satisfyingly snug pieces.", focus: ["puzzles", "journals", "classic"] },
      { name: "Meeple Grove Games", description: "Board and card games designed to get everyone at the table talking.", focus: ["board-games", "classic"] },
      { name: "Inkwell Paper Co.", description: "Notebooks, planners and playing cards printed on heavy, fountain-pen-friendly paper.", focus: ["journals", "puzzles", "classic"] },
      { name: "Bookmark & Bramble", description: "Picture books for little readers and novels for the grown-ups who read to them.", focus: ["kids-books", "novels"] },
      { name: "Rollworthy Games", description: "Game-night staples: strategy games, classics and puzzles.", focus: ["board-games", "classic", "puzzles"] },
    ],
    types: [
      { key: "novels", modifiers: ["The Quiet", "The Last", "A Map of the", "Beneath the", "The Glass", "The Salt"], nouns: ["Orchard", "Lighthouse", "Winter", "River", "Garden", "Harbor"], variants: ["Hardcover", "Paperback"], price: [12, 32], about: "A novel readers describe as impossible to put down." },
      { key: "cookbooks", modifiers: ["Weeknight", "Plant-Forward", "Small Batch", "Slow Sunday", "One-Pan", "Market Day"], nouns: ["Kitchen", "Table", "Baking"], variants: ["Hardcover"], price: [19, 45], about: "A cookbook of reliable, well-tested recipes with a photograph for every dish." },
      { key: "puzzles", modifiers: ["Wildflower Meadow", "Coastal Village", "Night Sky", "Vintage Map", "Farmers' Market", "Mountain Lake"], nouns: ["Jigsaw Puzzle"], variants: ["500 Pieces", "1000 Pieces", "2000 Pieces"], price: [14, 39], about: "Thick, snug-fitting pieces and a poster of the finished picture in the box." },
      { key: "board-games", modifiers: ["Harvest Moon", "Tidepool", "Sky Lanterns", "Dragon's Market", "Orchard Wars", "Lighthouse Keepers", "Comet Run"], nouns: ["Board Game", "Card Game"], variants: ["Base Game", "Expansion"], price: [19, 69], about: "Easy to learn in ten minutes, with enough depth to keep coming back to." },
      { key: "classic", modifiers: ["Chess Set", "Backgammon Set", "Mahjong Set", "Double-Six Dominoes", "Playing Cards", "Cribbage Board"], variants: ["Travel", "Classic", "Heirloom Walnut"], price: [9, 149], about: "A timeless game made with materials that feel good in the hand." },
      { key: "journals", modifiers: ["Dot Grid Notebook", "Lined Journal", "Sketchbook", "Undated Daily Planner", "Recipe Journal"], variants: ["Pocket", "A5", "A4"], price: [9, 34], about: "Lay-flat binding and heavy paper that takes ink without bleeding through." },
      { key: "kids-books", modifiers: ["Little Fox", "Sleepy Bear", "Brave Otter", "Tiny Dragon", "Curious Owl"], nouns: ["and the Moon", "Goes to Market", "Finds a Friend"], variants: ["Board Book", "Picture Book"], price: [7, 18], about: "A warm, funny story with illustrations children ask to see again and again." },
      { key: "nonfiction", modifiers: ["A Short History of", "The Science of", "A Field Guide to", "The Art of"], nouns: ["Bread", "Birds", "Mushrooms", "Stars", "Tea", "Gardens"], variants: ["Hardcover", "Paperback"], price: [14, 38], about: "Curious, well-researched non-fiction written for the general reader." },
    ],
    extras: [
      "Published by {brand}.",
      "A staff pick for this season.",
      "Makes a thoughtful gift and arrives in protective packaging.",
      "Printed on responsibly sourced paper.",
      "{brand} titles are regulars on our bestseller list.",
    ],
  },
  {
    slug: "kids",
    name: "Kids",
    emoji: "🧸",
    description: "Toys, art supplies, clothing and nursery basics that are safe, sturdy and fun to share.",
    brands: [
      { name: "Little Acorn Toys", description: "Wooden toys, plush friends and first science kits made to be played with hard.", focus: ["wooden", "plush", "stem"] },
      { name: "Crayon Cove", description: "Non-toxic art supplies, science kits and outdoor play for curious kids.", focus: ["art", "stem", "outdoor-play"] },
      { name: "Tiny Tumbles", description: "Soft organic clothing and nursery basics for babies and toddlers.", focus: ["clothing", "nursery"] },
      { name: "Bright Sparks Lab", description: "STEM kits, art sets and building toys that grow with your child.", focus: ["stem", "art", "wooden"] },
      { name: "Pebble & Puddle", description: "Outdoor play gear and hard-wearing clothes for muddy days.", focus: ["outdoor-play", "clothing"] },
      { name: "Nestling Baby", description: "Nursery, feeding and cuddly essentials, tested by parents.", focus: ["nursery", "feeding", "plush"] },
      { name: "Wobble Wagon", description: "Bikes, blocks and mealtime gear for busy toddlers.", focus: ["outdoor-play", "wooden", "feeding"] },
    ],
    types: [
      { key: "plush", modifiers: ["Sleepy Fox", "Cuddly Bear", "Baby Elephant", "Floppy Bunny", "Friendly Dinosaur", "Narwhal"], nouns: ["Plush"], variants: ["Small", "Medium", "Large"], price: [12, 39], about: "A super-soft plush friend with embroidered eyes, safe from birth." },
      { key: "wooden", modifiers: ["Wooden Train Set", "Stacking Rainbow", "Shape Sorter", "Play Kitchen", "Marble Run", "Building Blocks"], variants: ["Starter", "Deluxe", "Heirloom"], price: [16, 149], about: "Solid wood with water-based paints and rounded edges, built to last for years." },
      { key: "art", modifiers: ["Washable Crayons", "Watercolor Paint Set", "Sidewalk Chalk", "Modeling Clay", "Reusable Sticker Book", "Finger Paints"], variants: ["12 Colors", "24 Colors", "Classroom Pack"], price: [5, 34], about: "Bright, non-toxic art supplies that wash out of clothes and off tables." },
      { key: "stem", modifiers: ["Magnetic Tiles", "Coding Robot", "Microscope Kit", "Crystal Growing Kit", "Solar System Model", "Circuit Builder"], variants: ["Starter Set", "Explorer Set"], price: [19, 129], about: "Hands-on science and building fun with a step-by-step guide for grown-ups." },
      { key: "clothing", modifiers: ["Organic Cotton", "Striped", "Fleece", "Rainbow"], nouns: ["Pajama Set", "Hoodie", "Leggings", "Romper"], variants: ["2T", "4T", "6"], price: [14, 39], about: "Soft, stretchy clothes with room to grow and seams that do not itch." },
      { key: "nursery", modifiers: ["Muslin Swaddle", "Fitted Crib Sheet", "Knitted Baby Blanket", "Hooded Bath Towel", "Burp Cloths", "Sleep Sack"], variants: ["Cloud", "Sage", "Sunflower"], price: [12, 49], about: "Breathable organic cotton that gets softer with every wash." },
      { key: "outdoor-play", modifiers: ["Balance Bike", "Three-Wheel Scooter", "Kids' Bike Helmet", "Bubble Machine", "Sandbox Tool Set", "Diamond Kite"], variants: ["Red", "Blue", "Mint"], price: [12, 139], about: "Sturdy outdoor fun that builds balance and confidence." },
      { key: "feeding", modifiers: ["Silicone Suction Plate", "Sippy Cup", "Spill-Proof Snack Cup", "Bamboo Bowl Set", "Waterproof Bib"], variants: ["Single", "2-Pack"], price: [7, 29], about: "Mealtime gear that stays put, cleans easily and is free of BPA." },
    ],
    extras: [
      "Safety tested to international toy standards.",
      "{brand} designs every piece with parents and teachers.",
      "Gift-ready packaging with no plastic windows.",
      "Recommended for ages 3 and up unless the label says otherwise.",
      "Machine washable where it makes sense, because kids.",
    ],
  },
  {
    slug: "pets",
    name: "Pets",
    emoji: "🐾",
    description: "Food, treats, beds and toys for dogs and cats, chosen with vets and tested by very opinionated pets.",
    brands: [
      { name: "Happy Tail Kitchen", description: "Dog food and treats cooked from whole ingredients, with the recipe on the bag.", focus: ["dog-food", "treats"] },
      { name: "Whisker & Co.", description: "Food, toys, litter and beds for discerning cats.", focus: ["cat-food", "cat-toys", "litter", "beds"] },
      { name: "Trailhound Gear", description: "Leashes, harnesses, toys and beds for dogs who go everywhere with you.", focus: ["walking", "dog-toys", "beds"] },
      { name: "Purrfect Nap", description: "Beds, toys and grooming tools for pets who take rest seriously.", focus: ["beds", "cat-toys", "grooming"] },
      { name: "Good Boy Bakery", description: "Baked biscuits, chews and toys, made in small batches.", focus: ["treats", "dog-toys"] },
      { name: "Brushwood Grooming", description: "Gentle grooming, clean-up and walking gear for dogs and cats.", focus: ["grooming", "litter", "walking"] },
      { name: "Barkley Provisions", description: "Everyday food, walking and grooming essentials for dogs.", focus: ["dog-food", "walking", "grooming"] },
    ],
    types: [
      { key: "dog-food", modifiers: ["Chicken & Brown Rice", "Salmon & Sweet Potato", "Lamb & Barley", "Grain-Free Turkey", "Puppy Formula", "Senior Formula"], nouns: ["Dog Food"], variants: ["4 lb Bag", "12 lb Bag", "24 lb Bag"], price: [14, 79], about: "Complete, balanced nutrition with real meat as the first ingredient." },
      { key: "cat-food", modifiers: ["Tuna Pâté", "Chicken Feast", "Salmon Dinner", "Indoor Formula", "Kitten Formula"], nouns: ["Cat Food"], variants: ["12-Can Pack", "3 lb Bag", "7 lb Bag"], price: [9, 49], about: "High-protein cat food with no artificial colours or fillers." },
      { key: "treats", modifiers: ["Peanut Butter", "Sweet Potato", "Salmon", "Chicken", "Pumpkin"], nouns: ["Dog Biscuits", "Training Treats", "Cat Treats", "Dental Chews"], variants: ["Small Bag", "Large Bag"], price: [4, 24], about: "Small-batch treats made with a handful of recognisable ingredients." },
      { key: "beds", modifiers: ["Orthopedic Dog Bed", "Donut Cat Bed", "Cooling Mat", "Window Perch", "Crate Pad"], variants: ["Small", "Medium", "Large"], price: [24, 149], about: "Supportive, washable bedding for long naps." },
      { key: "dog-toys", modifiers: ["Rope Tug Toy", "Squeaky Plush Toy", "Puzzle Feeder", "Rubber Fetch Ball", "Chew Ring"], variants: ["Single", "3-Pack"], price: [5, 29], about: "A durable toy that stands up to enthusiastic play." },
      { key: "cat-toys", modifiers: ["Feather Wand", "Catnip Mice", "Crinkle Tunnel", "Laser Chase Toy", "Sisal Scratching Post"], variants: ["Single", "3-Pack"], price: [5, 39], about: "Keeps indoor cats busy, curious and off the curtains." },
      { key: "walking", modifiers: ["Nylon Leash", "Leather Collar", "No-Pull Harness", "Reflective Collar", "Hands-Free Leash"], variants: ["Small", "Medium", "Large"], price: [12, 59], about: "Strong, comfortable walking gear with reflective stitching for evening walks." },
      { key: "grooming", modifiers: ["Oatmeal Pet Shampoo", "Slicker Brush", "Nail Clippers", "Paw Balm", "Deshedding Tool", "Ear Cleaner"], variants: ["Standard", "Salon Size"], price: [7, 34], about: "Gentle grooming care that keeps coats shiny and paws healthy." },
      { key: "litter", modifiers: ["Clumping Clay Litter", "Pine Pellet Litter", "Compostable Waste Bags", "Stain & Odor Remover", "Litter Mat"], variants: ["Small", "Large"], price: [6, 34], about: "Makes the daily clean-up quicker and the house fresher." },
    ],
    extras: [
      "Vet-approved and tested by the {brand} office pets.",
      "Free from artificial colours and fillers.",
      "Introduce gradually if your pet has a sensitive stomach.",
      "{brand} donates a share of every sale to local shelters.",
      "Comes with a happiness guarantee: if your pet disagrees, send it back.",
    ],
  },
];
