using System.Globalization;
using Planning.Engine.Assignment;
using Planning.Engine.Inputs;
using Planning.Engine.Results;

namespace Planning.Benchmarks;

/// <summary>
/// <c>--same-instances CASE Option=value…</c>: the case's horizon solved as usual, and each term's
/// problem solved again with the solver options changed as given, so both answers are on one instance.
/// Over a horizon each term after the first starts from the plan before it, so a change's figures for
/// later terms mix its own effect with another instance's (BENCHMARKS.md, 2026-12-06); here they do not.
/// The usual run's plans carry the horizon on; the changed options' answers are only measured.
/// </summary>
internal static class SameInstances
{
    public static void Run(BenchmarkCase c, IReadOnlyList<string> changes)
    {
        var changed = Changed(c.Parameters.Solver, changes) with { Observer = null };
        Console.WriteLine($"Changed: {string.Join(", ", changes)}");
        Console.WriteLine("| solved term | objective | changed | gap | changed | pupils over | changed | least proven | changed | solve s | changed |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var rows = new List<(SolveStats Usual, SolveStats Changed)>();
        var term = 0;
        c.Observe((problem, solution) =>
        {
            var other = AssignmentSolver.Solve(problem, allowSplitting: false, changed, CancellationToken.None).Stats;
            var usual = solution.Stats;
            rows.Add((usual, other));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {++term} | {usual.Objective:N0} | {other.Objective:N0} | {usual.Gap:P3} | {other.Gap:P3} | {usual.OverflowPupils:N0} | {other.OverflowPupils:N0} | {usual.MinimumOverflowBound:N0} | {other.MinimumOverflowBound:N0} | {usual.Seconds:F1} | {other.Seconds:F1} |"));
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| all | worst gap | {rows.Max(r => r.Usual.Gap):P3} | {rows.Max(r => r.Changed.Gap):P3} | over, not proven | {rows.Sum(r => r.Usual.OverflowPupils - r.Usual.MinimumOverflowBound):N0} | {rows.Sum(r => r.Changed.OverflowPupils - r.Changed.MinimumOverflowBound):N0} | solve s | {rows.Sum(r => r.Usual.Seconds):F1} | {rows.Sum(r => r.Changed.Seconds):F1} | |"));
    }

    /// <summary><paramref name="options"/> with each <c>Name=value</c> set (any settable property of <see cref="SolverOptions"/>).</summary>
    private static SolverOptions Changed(SolverOptions options, IReadOnlyList<string> changes)
    {
        var changed = options with { };
        foreach (var change in changes)
        {
            var (name, value) = change.Split('=', 2) is [var n, var v] ? (n, v) : throw new ArgumentException($"not Name=value: {change}");
            var property = typeof(SolverOptions).GetProperty(name) ?? throw new ArgumentException($"SolverOptions has no {name}");
            property.SetValue(changed, Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
        }

        return changed;
    }
}
