using Planning.Client.Api;

namespace Planning.Cli.Maps;

/// <summary>What to map.</summary>
/// <param name="Part">Primary (grades 1–6) or junior (7–9) catchments.</param>
/// <param name="Term">Term shown; default the run's last term, or without a run the server's start term (Rules).</param>
/// <param name="RunId">A simulation run; null maps the current catchments (each area's current school).</param>
/// <param name="Bbox">Zoom on this box; null shows the whole district (or the urban streets with <paramref name="Urban"/>).</param>
/// <param name="Urban">Zoom on the urban streets (街道).</param>
public sealed record MapRequest(SchoolPart Part, string? Term = null, string? RunId = null, BoundingBox? Bbox = null, bool Urban = false);
