using Planning.Engine.Terms;

namespace Planning.Engine.Simulation;

/// <summary>Reported when a term starts being simulated, and once at the end.</summary>
/// <param name="Term">The term being simulated (the last term when finished).</param>
/// <param name="TermIndex">0-based index of the term.</param>
/// <param name="TermCount">Terms in the run.</param>
/// <param name="Percent">Share of terms done, 0–100.</param>
public sealed record SimulationProgress(Term Term, int TermIndex, int TermCount, double Percent);
