import Foundation

/// SplitMix64: a small generator that gives the same sequence for the same seed everywhere,
/// so a failing case is reproduced from its seed.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// True with probability `chance`.
    public mutating func chance(_ chance: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < chance
    }

    /// A random element of a non-empty collection.
    public mutating func pick<C: Collection>(_ collection: C) -> C.Element {
        collection.randomElement(using: &self)!
    }

    /// A random integer in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }
}

/// The seed of a randomised test run: `INSIGHTS_SEED` when set (decimal or `0x` hex), else
/// a fresh one. Either way it is printed, so that any run can be repeated.
public enum TestSeed {
    /// The run's seed, printed with how to repeat it.
    public static func current(for suite: String) -> UInt64 {
        let seed: UInt64
        if let text = ProcessInfo.processInfo.environment["INSIGHTS_SEED"], let given = parse(text) {
            seed = given
        } else {
            seed = UInt64.random(in: 1...UInt64.max)
        }
        print("\(suite): seed \(seed) (repeat with INSIGHTS_SEED=\(seed))")
        return seed
    }

    /// A seed written in decimal or as `0x` hex.
    public static func parse(_ text: String) -> UInt64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("0x") { return UInt64(trimmed.dropFirst(2), radix: 16) }
        return UInt64(trimmed)
    }

    /// The seed of case `index` of a run: every case is reproducible on its own.
    public static func forCase(_ index: Int, of seed: UInt64) -> UInt64 {
        var random = SeededRandom(seed: seed ^ (UInt64(index) &* 0xD6E8_FEB8_6659_FD93))
        return random.next()
    }

    /// A positive integer from the environment variable `name`, else `fallback`.
    public static func count(_ name: String, default fallback: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? fallback
    }
}
