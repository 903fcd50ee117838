/**
 * The search quality set (ADR 044): what shoppers type into the demo catalog's search box, each with the product
 * (by slug, from server/seed's deterministic demo catalog) that must come back in the first five results.
 * `kind` groups the report. Several brands sell products of the same name ("Wireless Mouse, White"), so a query
 * names what tells the wanted one apart (brand, size) as a shopper after that product would. Queries are not tuned
 * to the ranking: when one misses, fix the search, not the set (unless the demo catalog changed).
 */
export interface SearchCase {
  q: string;
  expect: string;
  kind: "misspelling" | "prefix" | "brand" | "multi-word";
}

export const SEARCH_QUALITY_SET: readonly SearchCase[] = [
  // ---- misspellings (one or two letters off, dropped or doubled)
  { q: "aple", expect: "orchard-lane-honeycrisp-apples-3-lb-bag", kind: "misspelling" },
  { q: "clementnes", expect: "orchard-lane-clementines-4-lb-bag", kind: "misspelling" },
  { q: "chamomle tea", expect: "morning-ritual-roasters-chamomile-tea-50-sachets", kind: "misspelling" },
  { q: "bluberries", expect: "berry-hollow-blueberries-12-oz-clamshell", kind: "misspelling" },
  { q: "strawbery jam", expect: "hive-and-harvest-strawberry-jam-8-oz", kind: "misspelling" },
  { q: "santoku nife", expect: "keen-edge-cutlery-santoku-knife-walnut-handle", kind: "misspelling" },
  { q: "nimbus mechanicl keybord", expect: "nimbus-devices-mechanical-keyboard-graphite", kind: "misspelling" },
  { q: "lavendar bath soak", expect: "hushlight-sleep-lavender-bath-soak-8-oz", kind: "misspelling" },
  { q: "headphnes noise cancelling", expect: "nimbus-devices-noise-cancelling-headphones-black", kind: "misspelling" },
  { q: "dutch ovn 4 qt", expect: "homestead-ironworks-enameled-dutch-oven-4-qt", kind: "misspelling" },
  { q: "almnd flour", expect: "hive-and-harvest-almond-flour-5-lb", kind: "misspelling" },
  { q: "jigsaw puzle night sky", expect: "inkwell-paper-co-night-sky-jigsaw-puzzle-1000-pieces", kind: "misspelling" },
  // ---- prefixes (the shopper is still typing)
  { q: "clem", expect: "tropic-crate-clementines-4-lb-bag", kind: "prefix" },
  { q: "honeycr", expect: "orchard-lane-honeycrisp-apples-3-lb-bag", kind: "prefix" },
  { q: "santo", expect: "keen-edge-cutlery-santoku-knife-walnut-handle", kind: "prefix" },
  { q: "cilan", expect: "sunfield-farms-cilantro-bunch", kind: "prefix" },
  { q: "crayo", expect: "crayon-cove-washable-crayons-classroom-pack", kind: "prefix" },
  { q: "beesw", expect: "copperleaf-kitchen-beeswax-wraps-set-of-12", kind: "prefix" },
  { q: "earl gr", expect: "morning-ritual-roasters-earl-grey-tea-20-sachets", kind: "prefix" },
  { q: "sleeping bag lin", expect: "cinder-trail-sleeping-bag-liner-long", kind: "prefix" },
  // ---- brand names (alone or with a product word, sometimes misspelt)
  { q: "orchard lane clementines", expect: "orchard-lane-clementines-2-lb-bag", kind: "brand" },
  { q: "keen edge", expect: "keen-edge-cutlery-santoku-knife-walnut-handle", kind: "brand" },
  { q: "nimbus wireless mouse", expect: "nimbus-devices-wireless-mouse-graphite", kind: "brand" },
  { q: "fernwood lavender soap", expect: "fernwood-apothecary-lavender-bar-soap", kind: "brand" },
  { q: "casa nona olive oil", expect: "casa-nonna-extra-virgin-olive-oil-1-l", kind: "brand" },
  { q: "mat and motion yoga mat", expect: "mat-and-motion-yoga-mat-sage", kind: "brand" },
  { q: "inkwell jigsaw", expect: "inkwell-paper-co-farmers-market-jigsaw-puzzle-500-pieces", kind: "brand" },
  { q: "barkley puppy food", expect: "barkley-provisions-puppy-formula-dog-food-24-lb-bag", kind: "brand" },
  // ---- multi-word (several words, plural/singular, words not in the name)
  { q: "tea bags", expect: "morning-ritual-roasters-earl-grey-tea-20-sachets", kind: "multi-word" },
  { q: "maple syrup", expect: "crunch-theory-pure-maple-syrup-16-oz", kind: "multi-word" },
  { q: "honey roasted pecans", expect: "hive-and-harvest-honey-roasted-pecans-10-oz", kind: "multi-word" },
  { q: "garlic olive oil", expect: "casa-nonna-garlic-infused-olive-oil-1-l", kind: "multi-word" },
  { q: "vitamin c serum", expect: "clean-slate-essentials-vitamin-c-serum-full-size", kind: "multi-word" },
  { q: "power bank 20000", expect: "lumen-home-20-000-mah-power-bank-white", kind: "multi-word" },
  { q: "lakeshore wool hiking sock", expect: "lakeshore-gear-wool-hiking-socks-womens", kind: "multi-word" },
  { q: "2 person tent", expect: "northstar-camp-backpacking-tent-2-person", kind: "multi-word" },
  { q: "cherry tomato", expect: "sunfield-farms-cherry-tomatoes-2-lb", kind: "multi-word" },
  { q: "barkley hands free leash large", expect: "barkley-provisions-hands-free-leash-large", kind: "multi-word" },
  { q: "forge hearth maple cutting board large", expect: "forge-and-hearth-end-grain-maple-cutting-board-large", kind: "multi-word" },
  { q: "salmon sweet potato dog food", expect: "barkley-provisions-salmon-and-sweet-potato-dog-food-12-lb-bag", kind: "multi-word" },
];
