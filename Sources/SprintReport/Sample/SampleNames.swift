/// Word lists for the generated org tree. Names combine as `<adjective> <noun>` once the
/// plain nouns run out, then take a number, so every name in a file is unique.
enum SampleNames {
    /// Team names: animals, birds and sky objects, as engineering teams like to call themselves.
    static let teamNouns: [String] = [
        "Falcon", "Heron", "Gecko", "Otter", "Lynx", "Badger", "Kestrel", "Marmot", "Puffin",
        "Raven", "Wombat", "Coyote", "Osprey", "Panda", "Quokka", "Bison", "Condor", "Dingo",
        "Egret", "Ferret", "Gazelle", "Hornet", "Ibis", "Jackal", "Koala", "Lemur", "Magpie",
        "Narwhal", "Ocelot", "Pelican", "Quail", "Robin", "Salmon", "Tapir", "Urchin", "Viper",
        "Walrus", "Yak", "Zebra", "Albatross", "Beaver", "Cheetah", "Dolphin", "Eagle", "Finch",
        "Gopher", "Hawk", "Iguana", "Jaguar", "Kingfisher", "Lark", "Mongoose", "Nightjar",
        "Oriole", "Penguin", "Rhino", "Sparrow", "Toucan", "Vulture", "Wren", "Armadillo",
        "Bobcat", "Caracal", "Dove", "Elk", "Flamingo", "Gannet", "Hyena", "Impala", "Jay",
        "Kiwi", "Llama", "Moose", "Newt", "Orca", "Plover", "Reindeer", "Stork", "Tern",
        "Vole", "Wolverine", "Antelope", "Buffalo", "Crane", "Dormouse", "Ermine", "Fox",
        "Gull", "Hedgehog", "Jerboa", "Kite", "Loon", "Mink", "Nuthatch", "Owl", "Petrel",
        "Sable", "Swift", "Teal", "Weasel", "Andromeda", "Betelgeuse", "Castor", "Deneb",
        "Electra", "Fornax", "Gemini", "Hydra", "Izar", "Lyra", "Mira", "Nova", "Orion",
        "Pegasus", "Polaris", "Rigel", "Sirius", "Tucana", "Vega", "Altair", "Capella",
        "Draco", "Cygnus", "Phoenix", "Aquila", "Carina", "Corvus", "Lupus", "Pavo", "Volans",
        "Comet", "Quasar", "Pulsar", "Nebula", "Meteor", "Zenith", "Aurora", "Eclipse",
        "Halo", "Photon", "Quark", "Vertex", "Vector", "Tundra", "Summit", "Glacier", "Canyon",
        "Delta", "Fjord", "Harbor", "Lagoon", "Mesa", "Prairie", "Reef", "Savanna", "Sierra",
    ]

    static let adjectives: [String] = [
        "Amber", "Azure", "Bold", "Brave", "Bright", "Calm", "Clever", "Cobalt", "Copper",
        "Coral", "Crimson", "Daring", "Electric", "Emerald", "Fearless", "Frosty", "Gentle",
        "Golden", "Granite", "Happy", "Hidden", "Iron", "Ivory", "Jade", "Keen", "Lively",
        "Lucky", "Lunar", "Magic", "Mighty", "Misty", "Nimble", "Noble", "Onyx", "Quick",
        "Quiet", "Rapid", "Red", "Rocket", "Ruby", "Rustic", "Sapphire", "Scarlet", "Silent",
        "Silver", "Sly", "Solar", "Steady", "Stellar", "Stormy", "Sunny", "Swift", "Teal",
        "Thunder", "Tidal", "Velvet", "Violet", "Wild", "Winter", "Zesty",
    ]

    /// Group (product area) names. A few hold `&` or a comma, as real org trees do: the
    /// reader must unquote them and the pages must escape them.
    static let areas: [String] = [
        "Platform", "Payments", "Search & Discovery", "Mobile", "Data", "Identity", "Growth",
        "Infrastructure", "Checkout", "Billing", "Messaging", "Observability",
        "Developer Experience", "Security", "Storage", "Networking", "Maps", "Media", "Ads",
        "Analytics", "Recommendations", "Fraud", "Risk", "Logistics", "Catalog", "Pricing",
        "Notifications", "Onboarding", "Support Tools", "Compliance", "Localization",
        "Accessibility", "Performance", "Reliability", "Build, Test & Release", "Core Services",
        "Web", "Desktop", "Public API", "Integrations", "Partners", "Marketplace",
        "Subscriptions", "Inventory", "Fulfillment", "Travel", "Health", "Learning", "Content",
        "Trust & Safety",
    ]

    static let areaQualifiers: [String] = [
        "Core", "Experience", "Services", "Foundations", "Tools", "Insights", "Labs", "Edge",
        "Apps", "Automation", "Enablement", "Operations",
    ]

    /// Divisions: the level above groups in large organisations.
    static let divisions: [String] = [
        "Consumer", "Enterprise", "Commerce", "Cloud", "Data & AI", "Product Platform",
        "Devices", "Corporate Systems", "Research", "International", "Small Business",
        "Financial Services", "Media & Entertainment", "Developer Platform", "Marketplaces",
        "Operations", "Advertising", "Health & Wellness", "Education", "Mobility",
    ]

    static let regions: [String] = ["Americas", "EMEA", "APAC", "North", "South", "East", "West"]

    /// `count` unique names built from `base`, then `base × modifiers` (the modifier first,
    /// `Amber Falcon`, or last, `Payments Core`), then numbered, in an order shuffled by `random`.
    static func unique(_ count: Int, base: [String], modifiers: [String], modifierFirst: Bool,
                       random: inout SampleRandom) -> [String] {
        var plain = base
        random.shuffle(&plain)
        var mods = modifiers
        random.shuffle(&mods)
        let combos = base.count * mods.count
        // A stride coprime to `combos` visits every pair once, without long runs of one modifier.
        var stride = combos / 2 + 1
        while gcd(stride, combos) != 1 { stride += 1 }
        var out: [String] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            if i < plain.count {
                out.append(plain[i])
                continue
            }
            let j = i - plain.count
            let k = (j % combos) &* stride % combos
            let round = j / combos
            let mod = mods[k % mods.count], word = plain[k / mods.count]
            let name = modifierFirst ? "\(mod) \(word)" : "\(word) \(mod)"
            out.append(round == 0 ? name : "\(name) \(round + 1)")
        }
        return out
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
