import { FOOD_ART, ICONS, type Draw } from "./demo-art-food";
import { THING_ART } from "./demo-art-things";

/**
 * Pictures for products that have no uploaded picture (issue 12 §4): a drawing of the kind of thing the product
 * is (a soundbar looks like a soundbar, clementines like citrus), in a colour that follows the name or the
 * colour variant, and never with the product's name written on it. The demo seed stores
 * /images/demo/<drawing>-<colour>[-<icon>].svg; any other product falls back to the kind its name suggests.
 */
export const DEMO_PICTURE_PREFIX = "/images/demo/";
const ART: Record<string, Draw> = { ...FOOD_ART, ...THING_ART };

export const COLOURS: Record<string, string> = {
  red: "#d9412f",
  green: "#7cb342",
  pink: "#e86a7a",
  orange: "#f08c28",
  yellow: "#f4c430",
  lime: "#8bc34a",
  purple: "#6a3d8f",
  blue: "#3f6fd1",
  navy: "#263a6b",
  black: "#2b2b2b",
  white: "#eceff1",
  charcoal: "#44484d",
  sand: "#d8c3a0",
  forest: "#2f5d3a",
  slate: "#5d6d7e",
  moss: "#6b7d3a",
  ember: "#c8502f",
  sage: "#9cae8c",
  graphite: "#4a4e54",
  silver: "#b8c0c8",
  brown: "#7b5233",
  wood: "#c08a55",
  cream: "#efe6d2",
  terracotta: "#c8643c",
  oatmeal: "#d9ccb4",
  clay: "#b87a5a",
  ocean: "#2f7fa0",
  mint: "#8fd6b4",
  cloud: "#dfe7ef",
  sunflower: "#f2c230",
  natural: "#d7b98a",
  teal: "#2a9d8f",
  gold: "#d6a23a",
  walnut: "#5d3a22",
  olive: "#6f7a2e",
  amber: "#c77d1a",
  tan: "#c9a36b",
};

/** Variant words that name a colour (the seed's variants), mapped to a palette entry. */
const VARIANT_COLOURS: Array<[RegExp, string]> = [
  [/black/, "black"],
  [/white/, "white"],
  [/navy/, "navy"],
  [/charcoal/, "charcoal"],
  [/sand/, "sand"],
  [/forest/, "forest"],
  [/slate/, "slate"],
  [/moss/, "moss"],
  [/ember/, "ember"],
  [/sage/, "sage"],
  [/graphite/, "graphite"],
  [/silver|steel/, "silver"],
  [/oatmeal/, "oatmeal"],
  [/terracotta/, "terracotta"],
  [/clay/, "clay"],
  [/ocean/, "ocean"],
  [/cloud/, "cloud"],
  [/sunflower/, "sunflower"],
  [/\bred\b/, "red"],
  [/\bblue\b/, "blue"],
  [/mint/, "mint"],
  [/natural/, "natural"],
  [/walnut/, "walnut"],
  [/olive wood/, "olive"],
];

type Rule = [pattern: RegExp, drawing: string, colour: string, icon?: string];

/** First match wins: specific names before the generic words they contain ("Rosemary Cashews" are nuts, not rosemary). */
const RULES: Rule[] = [
  [/serum/, "dropper", "amber"],
  [/pineapple/, "pineapple", "yellow"],
  [/fish oil|omega|magnesium|vitamin|probiotic|electrolyte|collagen|zinc|iron bisglycinate|b-complex/, "pillbottle", "teal"],
  [/seed collection/, "seeds", "green"],
  [/dog food/, "bag", "brown", "paw"],
  [/cat food/, "can", "teal", "fish"],
  [/biscuits|treats|chews/, "bag", "amber", "bone"],
  [/litter|waste bags|stain & odor/, "bag", "slate", "paw"],
  [/herbal tea|\btea\b/, "teacup", "cream"],
  [/sauce|marinara|pesto|arrabbiata|puttanesca/, "jar", "red"],
  [/cashews|almonds|peanuts|pecans|trail mix/, "nuts", "tan"],
  [/crackers/, "box", "gold", "wheat"],
  [/flour|cane sugar|cocoa|rolled oats/, "bag", "cream", "wheat"],
  [/olive oil/, "bottle", "olive"],
  [/\boil\b/, "bottle", "gold"],
  [/balsamic/, "bottle", "walnut"],
  [/vinegar/, "bottle", "amber"],
  [/spaghetti|rigatoni|orecchiette|fusilli|bucatini|penne/, "pasta", "blue"],
  [/rice|quinoa|farro|oats|lentils/, "bag", "tan", "wheat"],
  [/honey|maple|jam|preserves|spread|caramel/, "jar", "amber"],
  [/paprika|cumin|cinnamon|peppercorns|za'atar|herbes|garam masala/, "jar", "ember"],
  [/coffee mug/, "mug", "teal"],
  [/grinder|blender|mixer/, "blender", "charcoal"],
  [/kettle|pour-over/, "kettle", "sage"],
  [/toaster/, "toaster", "red"],
  [/coffee/, "pouch", "brown", "bean"],
  [/cutting board/, "board", "wood"],
  [/cherry tomato|tomato/, "tomato", "red"],
  [/granny smith/, "apple", "green"],
  [/pink lady/, "apple", "pink"],
  [/apple/, "apple", "red"],
  [/key lime/, "lemon", "lime"],
  [/lemon(?! thyme| balm| verbena)/, "lemon", "yellow"],
  [/grapefruit/, "citrus", "pink"],
  [/orange|clementine/, "citrus", "orange"],
  [/strawberr/, "strawberry", "red"],
  [/blueberr/, "berries", "navy"],
  [/raspberr/, "berries", "pink"],
  [/blackberr|mixed berries/, "berries", "purple"],
  [/cherries/, "cherries", "red"],
  [/plum/, "stonefruit", "purple"],
  [/peach|nectarine|apricot|mango|papaya/, "stonefruit", "orange"],
  [/spinach|spring mix|kale|arugula|lettuce|romaine/, "greens", "green"],
  [/carrot/, "carrot", "orange"],
  [/sweet potato/, "root", "ember"],
  [/potato|parsnip/, "root", "tan"],
  [/beet/, "root", "purple"],
  [/shallot/, "root", "clay"],
  [/basil|parsley|cilantro|spearmint|rosemary|thyme|dill/, "herb", "green"],
  [/avocado/, "avocado", "forest"],
  [/kiwi/, "kiwi", "lime"],
  [/banana/, "banana", "yellow"],
  [/mushroom|portobello/, "mushroom", "brown"],
  [/ box$|fruit box/, "crate", "wood"],
  [/cast iron skillet|carbon steel/, "skillet", "charcoal"],
  [/skillet/, "skillet", "silver"],
  [/dutch oven|stockpot|saucepan|saut|braiser|cook pot|stove/, "pot", "red"],
  [/multitool|knife/, "knife", "black"],
  [/spatula|spoon|spork|whisk|tongs|zester/, "spoon", "wood"],
  [/sheet pan|loaf pan|muffin|pie dish|springform|cooling rack/, "tray", "silver"],
  [/storage containers|beeswax|canisters|food bags|spice jars/, "container", "sage"],
  [/plates|bowls|suction plate|bowl set/, "plate", "cream"],
  [/camp mug|mugs/, "mug", "teal"],
  [/glasses/, "glass", "red"],
  [/napkins|sheet set|crib sheet/, "linens", "oatmeal"],
  [/planter|raised garden bed/, "planter", "terracotta"],
  [/monstera|snake plant|pothos|fiddle leaf|zz plant|peace lily|trellis/, "houseplant", "terracotta"],
  [/trowel|pruning|digging fork|weeding|kneeling pad|sandbox/, "trowel", "green"],
  [/watering can/, "wateringcan", "green"],
  [/throw|quilt|comforter|cushion|blanket|swaddle|towel|burp cloths|sleep sack|pillow/, "throw", "oatmeal"],
  [/candle/, "candle", "sand"],
  [/dryer balls/, "ball", "white"],
  [/cleaner|dish soap|detergent|mouthwash/, "spray", "teal"],
  [/lamp|string lights/, "lamp", "natural"],
  [/lantern|headlamp/, "lantern", "forest"],
  [/compost bin|rain barrel/, "barrel", "green"],
  [/bird feeder/, "birdhouse", "sage"],
  [/tent/, "tent", "orange"],
  [/daypack|hydration pack|backpacking pack|summit pack|hip pack/, "backpack", "forest"],
  [/sleeping|bivvy/, "sleepingbag", "ocean"],
  [/shell|jacket|fleece|vest/, "jacket", "ember"],
  [/boots|runners|shoes/, "boot", "brown"],
  [/trekking poles/, "poles", "ember"],
  [/compass/, "compass", "ember"],
  [/water bottle|reservoir|water filter/, "bottle", "ocean"],
  [/socks/, "sock", "oatmeal"],
  [/pants|bottom|shorts|leggings/, "trousers", "slate"],
  [/base layer top|hoodie|pajama|romper|bib/, "tshirt", "teal"],
  [/face cream|repair mask|bath salts|bath soak|shower steamers/, "jar", "white"],
  [/cleanser|sunscreen|lip balm|toothpaste/, "tube", "mint"],
  [/body lotion|body wash|hand cream|shampoo|ear cleaner|paw balm/, "pump", "sage"],
  [/bar soap/, "soap", "pink"],
  [/yoga mat|foam roller/, "mat", "sage"],
  [/resistance band|jump rope|rope tug/, "rope", "ember"],
  [/yoga block|balance board|yoga strap|meditation/, "blocks", "clay"],
  [/sleep mask/, "mask", "navy"],
  [/diffuser/, "diffuser", "white"],
  [/white noise/, "speaker", "white"],
  [/toothbrush/, "toothbrush", "green"],
  [/floss|tongue scraper/, "tube", "mint"],
  [/earbuds/, "earbuds", "black"],
  [/headphones/, "headphones", "black"],
  [/soundbar/, "soundbar", "charcoal"],
  [/speaker/, "speaker", "charcoal"],
  [/power bank/, "powerbank", "black"],
  [/charger|charging|cable/, "charger", "white"],
  [/smart plug|motion sensor|thermostat/, "smartplug", "white"],
  [/bulb/, "bulb", "white"],
  [/doorbell|security camera|webcam|dash cam/, "securitycam", "graphite"],
  [/keyboard/, "keyboard", "graphite"],
  [/wireless mouse/, "mouse", "graphite"],
  [/laptop stand|usb-c hub|desk mat/, "laptop", "silver"],
  [/tracker|smartwatch|ring\b|watch/, "watch", "black"],
  [/action camera|instant camera/, "camera", "charcoal"],
  [/tripod|ring light|microscope/, "tripod", "charcoal"],
  [/e-reader|tablet|screen protector|stylus/, "tablet", "black"],
  [/jigsaw/, "puzzle", "blue"],
  [/board game|card game|backgammon|mahjong|dominoes|cribbage/, "boardgame", "teal"],
  [/chess/, "chess", "walnut"],
  [/playing cards/, "cards", "red"],
  [/notebook|journal|sketchbook|planner/, "notebook", "terracotta"],
  [/plush/, "bear", "tan"],
  [/train set|stacking|shape sorter|play kitchen|marble run|blocks|magnetic tiles/, "blocks", "red"],
  [/crayons|paint|chalk|modeling clay|sticker/, "crayons", "red"],
  [/robot|circuit|crystal|solar system/, "robot", "blue"],
  [/bike|scooter|helmet/, "bike", "red"],
  [/kite/, "kite", "red"],
  [/bubble|fetch ball|chew ring|squeaky|puzzle feeder/, "ball", "red"],
  [/sippy|snack cup/, "sippycup", "mint"],
  [/dog bed|cat bed|cooling mat|window perch|crate pad/, "petbed", "slate"],
  [/feather wand|catnip|crinkle|laser|scratching/, "toymouse", "slate"],
  [/leash|collar|harness/, "leash", "ember"],
  [/brush|deshedding|nail clippers/, "brush", "teal"],
];

/** Whole product types that draw one way whatever the name says ("A Field Guide to Mushrooms" is a book). */
const TYPE_DRAWINGS: Record<string, [string, string]> = {
  novels: ["book", "navy"],
  cookbooks: ["book", "terracotta"],
  nonfiction: ["book", "forest"],
  "kids-books": ["book", "sunflower"],
  boxes: ["crate", "wood"],
};

export interface PictureChoice {
  drawing: string;
  colour: string;
  icon?: string;
}

/** What a product with this name (and, when known, product type and variant) is drawn as. */
export function pictureFor(name: string, typeKey?: string, variant?: string): PictureChoice {
  const text = name.toLowerCase();
  const typed = typeKey ? TYPE_DRAWINGS[typeKey] : undefined;
  const rule = RULES.find(([pattern]) => pattern.test(text));
  const [drawing, colour, icon] = typed ?? (rule ? rule.slice(1) : ["box", "sand", "leaf"]);
  const variantColour = variant ? VARIANT_COLOURS.find(([pattern]) => pattern.test(variant.toLowerCase()))?.[1] : undefined;
  return { drawing: drawing as string, colour: variantColour ?? (colour as string), ...(icon ? { icon: icon as string } : {}) };
}

export const demoPicturePath = ({ drawing, colour, icon }: PictureChoice) => `${DEMO_PICTURE_PREFIX}${drawing}-${colour}${icon ? `-${icon}` : ""}.svg`;

const FILE = /^([a-z]+)-([a-z]+)(?:-([a-z]+))?\.svg$/;
/** The choice a file name names, or undefined when any part is unknown. */
export function parseDemoPicture(file: string): PictureChoice | undefined {
  const match = FILE.exec(file);
  if (!match || !ART[match[1]!] || !COLOURS[match[2]!] || (match[3] && !ICONS[match[3]])) return undefined;
  return { drawing: match[1]!, colour: match[2]!, ...(match[3] ? { icon: match[3] } : {}) };
}

/** Soft backgrounds, picked by drawing so neighbours in a grid differ. */
const BACKDROPS = ["#fdf3e7", "#eef6ec", "#eaf2fb", "#fbeef0", "#f3effa", "#fff8dc", "#eaf6f5", "#f5f1ea"];

export function demoPictureSvg({ drawing, colour, icon }: PictureChoice): string {
  const fill = COLOURS[colour]!;
  const backdrop = BACKDROPS[[...drawing].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % BACKDROPS.length]!;
  const mark = icon && ["bag", "pouch", "box", "can"].includes(drawing) ? ICONS[icon]!(200, 220) : "";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400">` +
    `<defs><pattern id="dots" width="12" height="12" patternUnits="userSpaceOnUse"><circle cx="6" cy="6" r="2" fill="#000"/></pattern>` +
    `<radialGradient id="bg" cx=".5" cy=".4" r=".75"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="${backdrop}"/></radialGradient></defs>` +
    `<rect width="400" height="400" fill="url(#bg)"/><ellipse cx="200" cy="304" rx="130" ry="14" fill="#000" opacity=".08"/>` +
    `${ART[drawing]!(fill)}${mark}</svg>`
  );
}
