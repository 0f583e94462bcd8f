using Planning.Server.Common;

namespace Planning.Server.Dataset;

/// <summary>
/// The catchments of a run as an exportable layer. Runs provide it; the dataset's export serves it
/// like a stored layer without depending on the runs feature.
/// </summary>
public interface ICatchmentLayer
{
    /// <summary>One feature per school serving <paramref name="part"/> in <paramref name="term"/> of the run.</summary>
    Task<IReadOnlyList<ExportFeature>> LoadAsync(string runId, string term, V1.SchoolPart part, CancellationToken ct);
}
