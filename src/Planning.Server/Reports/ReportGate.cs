using Planning.Server.Common;

namespace Planning.Server.Reports;

/// <summary>
/// Lets at most as many reports be drawn at once as the machine has processors: drawing is CPU work
/// that would otherwise crowd out the runs and every other call.
/// </summary>
public sealed class ReportGate() : Gate(Environment.ProcessorCount);
