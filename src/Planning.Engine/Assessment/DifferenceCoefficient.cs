namespace Planning.Engine.Assessment;

/// <summary>One school (part) in a difference coefficient: its enrolment Pᵢ and its indicator value Xᵢ.</summary>
/// <param name="Code">School code.</param>
/// <param name="Students">Pᵢ, ≥ 0.</param>
/// <param name="Value">Xᵢ, finite.</param>
public sealed record WeightedValue(string Code, int Students, double Value);

/// <summary>How much one school adds to the weighted variance S².</summary>
/// <param name="Code">School code.</param>
/// <param name="Students">Pᵢ.</param>
/// <param name="Value">Xᵢ.</param>
/// <param name="Share">(Pᵢ/N)(Xᵢ − X̄)² as a share of S² (the shares sum to 1).</param>
public sealed record Contribution(string Code, int Students, double Value, double Share);

/// <summary>Why a difference coefficient has no value (DOMAIN.md: "undefined — not 0 and not met").</summary>
public enum UndefinedReason
{
    /// <summary>No school of the level has students: N = 0.</summary>
    NoStudents,

    /// <summary>Every school with students is at zero of the resource: X̄ = 0 and S / X̄ is 0/0.</summary>
    ZeroMean,
}

/// <summary>
/// The enrolment-weighted inter-school difference coefficient (差异系数), exactly as DOMAIN.md
/// defines it: N = ΣPᵢ, X̄ = ΣPᵢXᵢ / N, S = √(Σ (Pᵢ/N)(Xᵢ − X̄)²), coefficient = S / X̄.
/// </summary>
/// <param name="Students">N.</param>
/// <param name="Mean">X̄; null when N = 0.</param>
/// <param name="StandardDeviation">S; null when N = 0.</param>
/// <param name="Coefficient">S / X̄; null when N = 0 or X̄ = 0 (every school at zero).</param>
/// <param name="Contributions">Schools with students, largest share of S² first.</param>
/// <param name="Undefined">Why <paramref name="Coefficient"/> is null; null when it has a value.</param>
public sealed record DifferenceCoefficient(
    int Students,
    double? Mean,
    double? StandardDeviation,
    double? Coefficient,
    IReadOnlyList<Contribution> Contributions,
    UndefinedReason? Undefined)
{
    /// <summary>
    /// Computes the coefficient; schools with no students carry no weight and are left out. Total
    /// on finite input: the values are scaled by the largest before summing (S / X̄ does not change
    /// under scaling), so no square overflows, and 0/0 is reported as undefined, never as NaN.
    /// </summary>
    public static DifferenceCoefficient Compute(IEnumerable<WeightedValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var schools = values.ToList();
        if (schools.Any(v => v.Students < 0 || !double.IsFinite(v.Value)))
        {
            throw new ArgumentException("enrolments must be ≥ 0 and values finite", nameof(values));
        }

        schools.RemoveAll(v => v.Students == 0);
        var n = checked(schools.Sum(v => v.Students));
        if (n == 0)
        {
            return new DifferenceCoefficient(0, null, null, null, [], UndefinedReason.NoStudents);
        }

        var scale = schools.Max(v => Math.Abs(v.Value));
        scale = scale > 0 ? scale : 1;
        var mean = schools.Sum(v => (double)v.Students / n * (v.Value / scale));
        var terms = schools.Select(v => (School: v, Term: (double)v.Students / n * Square((v.Value / scale) - mean))).ToList();
        var variance = terms.Sum(t => t.Term);
        var s = Math.Sqrt(variance);
        var contributions = terms
            .Select(t => new Contribution(t.School.Code, t.School.Students, t.School.Value, variance > 0 ? t.Term / variance : 0))
            .OrderByDescending(c => c.Share)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return mean > 0
            ? new DifferenceCoefficient(n, mean * scale, s * scale, s / mean, contributions, null)
            : new DifferenceCoefficient(n, mean * scale, s * scale, null, contributions, UndefinedReason.ZeroMean);
    }

    private static double Square(double x) => x * x;
}
