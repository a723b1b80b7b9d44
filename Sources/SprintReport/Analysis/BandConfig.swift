import Foundation

/// The `--bands FILE` configuration: band limits that override the defaults of
/// `docs/metrics.md#bands`, figure by figure and limit by limit.
///
/// ```json
/// {"sayDoPercent": {"elite": 90, "high": 75, "medium": 60},
///  "coefficientOfVariation": {"elite": 0.1}}
/// ```
/// Keys are the banded figures (`sayDoPercent`, `scopeCreepPercent`, `totalDeliveredPercent`,
/// `coefficientOfVariation`) and, inside, `elite`, `high`, `medium`; every value a number.
/// Whether higher is better stays fixed per figure. The merged limits must be strictly
/// ordered (elite > high > medium when higher is better, elite < high < medium otherwise).
/// Anything else is an `InputError` naming the file.
public enum BandConfig {
    /// Reads and applies the file at `path` on top of `base`.
    public static func load(path: String, base: BandThresholds = .defaults) throws -> BandThresholds {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, "cannot read the bands file")
        }
        return try parse(data, file: path, base: base)
    }

    /// Applies the JSON text `data` (named `file` in errors) on top of `base`.
    public static func parse(_ data: Data, file: String, base: BandThresholds = .defaults) throws -> BandThresholds {
        let raw: [String: [String: Double]]
        do {
            raw = try JSONDecoder().decode([String: [String: Double]].self, from: data)
        } catch let DecodingError.typeMismatch(_, context) {
            let at = context.codingPath.map { FileText.excerpt($0.stringValue) }
            let what = switch at.count {
            case 0: "expected an object whose keys are the banded figures"
            case 1: "\(at[0]): expected an object with elite, high and medium limits"
            default: "\(at.joined(separator: ".")): expected a number"
            }
            throw InputError(file: file, what)
        } catch {
            throw InputError(file: file, "not valid JSON")
        }
        var result = base
        for key in raw.keys.sorted() {
            guard let figure = BandedFigure(rawValue: key), var limits = result.limits[figure] else {
                let known = BandedFigure.allCases.map(\.rawValue).joined(separator: ", ")
                throw InputError(file: file, "unknown figure '\(FileText.excerpt(key))' (expected one of \(known))")
            }
            for (name, value) in raw[key]!.sorted(by: { $0.key < $1.key }) {
                switch name {
                case "elite": limits.elite = value
                case "high": limits.high = value
                case "medium": limits.medium = value
                default: throw InputError(file: file, "\(key): unknown limit '\(FileText.excerpt(name))' (expected elite, high, medium)")
                }
            }
            let ordered = limits.higherIsBetter
                ? limits.elite > limits.high && limits.high > limits.medium
                : limits.elite < limits.high && limits.high < limits.medium
            guard ordered else {
                let rule = limits.higherIsBetter ? "elite > high > medium" : "elite < high < medium"
                throw InputError(file: file, "\(key): limits must satisfy \(rule), but they are elite "
                    + "\(NumberFormat.plain(limits.elite)), high \(NumberFormat.plain(limits.high)), "
                    + "medium \(NumberFormat.plain(limits.medium))")
            }
            result.limits[figure] = limits
        }
        return result
    }
}
