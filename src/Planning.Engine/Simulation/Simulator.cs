using Planning.Engine.Inputs;
using Planning.Engine.Results;
using Planning.Engine.Terms;

namespace Planning.Engine.Simulation;

/// <summary>Runs the term-by-term redistribution simulation. Pure: no files, no database, no console.</summary>
public static class Simulator
{
    /// <summary>
    /// Simulates every term from <see cref="SimulationParameters.Start"/> to
    /// <see cref="SimulationParameters.Horizon"/>.
    /// </summary>
    /// <param name="input">Schools, areas and parameters (see <see cref="Scenarios.Scenario.Apply"/> for what-if changes).</param>
    /// <param name="mode">Redistribute (optimise catchments) or keep every area at its school ("before").</param>
    /// <param name="progress">Told when each term starts and when the run ends.</param>
    /// <param name="cancellation">Checked between terms and stops the solver within a term; a cancelled run throws and returns nothing.</param>
    /// <exception cref="InvalidInputException">The input is unusable; every problem is listed.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static SimulationResult Run(
        SimulationInput input,
        RunMode mode = RunMode.Redistribute,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = input.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        var terms = Term.Range(input.Parameters.Start, input.Parameters.Horizon);
        var run = new SimulationRun(input, mode);
        var results = new List<TermResult>(terms.Count);
        for (var i = 0; i < terms.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            progress?.Report(new SimulationProgress(terms[i], i, terms.Count, 100.0 * i / terms.Count));
            results.Add(run.Step(terms[i], cancellation));
        }

        cancellation.ThrowIfCancellationRequested();
        progress?.Report(new SimulationProgress(terms[^1], terms.Count - 1, terms.Count, 100));
        return new SimulationResult(mode, results, run.Notes);
    }
}
