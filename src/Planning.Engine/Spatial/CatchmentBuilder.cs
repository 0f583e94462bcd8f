using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using Planning.Engine.Assessment;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Simulation;

namespace Planning.Engine.Spatial;

/// <summary>
/// Catchment polygons: per school and level the union of its areas' polygons, and, when the areas'
/// adjacency is known, its pieces and enclaves (<see cref="Contiguity"/>). A union is only recomputed
/// when the school's set of areas changed since the last term.
/// </summary>
internal sealed class CatchmentBuilder
{
    private readonly Dictionary<(string School, SchoolPart Part), Catchment> _last = [];

    /// <param name="district">The run's schools and areas.</param>
    /// <param name="assignments">Each area's school per level.</param>
    /// <param name="graph">The areas' adjacency, or null when unknown.</param>
    /// <param name="reasons">Why an enclave remains, by its school, level and first area (when contiguity was asked for).</param>
    public IReadOnlyList<Catchment> Build(
        District district,
        IReadOnlyList<AreaAssignment> assignments,
        AreaGraph? graph,
        IReadOnlyDictionary<(string School, SchoolPart Part, string FirstArea), string>? reasons = null)
    {
        var areas = district.Areas.Where(a => a.Code is not null).ToDictionary(a => a.Code!, a => a.Source!, StringComparer.Ordinal);
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < district.RealAreaCount; a++)
        {
            indices[district.Areas[a].Code!] = a;
        }

        var result = new List<Catchment>();
        foreach (var group in assignments.GroupBy(a => (School: a.SchoolCode, a.Part)))
        {
            var codes = group.Select(a => a.AreaCode).ToList();
            if (!_last.TryGetValue(group.Key, out var catchment) || !catchment.AreaCodes.SequenceEqual(codes))
            {
                var polygons = codes.Select(c => areas[c].Boundary).OfType<Geometry>().Where(g => !g.IsEmpty).ToList();
                var union = Union(polygons);
                catchment = new Catchment(group.Key.School, group.Key.Part, codes, union, union?.NumGeometries ?? 0, codes.Count - polygons.Count);
                _last[group.Key] = catchment;
            }

            if (graph is not null)
            {
                var site = graph.SiteOf(district.SchoolIndex[group.Key.School]);
                var (_, enclaves) = Contiguity.Pieces(graph, codes.Select(c => indices[c]).ToList(), site);
                catchment = catchment with
                {
                    Parts = enclaves.Count + 1,
                    Enclaves = [.. enclaves.Select(e =>
                    {
                        var members = e.Select(a => district.Areas[a].Code!).ToList();
                        return new Enclave(members, reasons?.GetValueOrDefault((group.Key.School, group.Key.Part, members[0])));
                    })],
                };
            }

            result.Add(catchment);
        }

        return result;
    }

    /// <summary>The union of <paramref name="polygons"/>; null when there are none.</summary>
    public static Geometry? Union(IReadOnlyList<Geometry> polygons)
    {
        if (polygons.Count == 0)
        {
            return null;
        }

        try
        {
            return UnaryUnionOp.Union(polygons);
        }
        catch (TopologyException)
        {
            // Self-intersecting input: repair each polygon, then union.
            return UnaryUnionOp.Union(polygons.Select(p => p.Buffer(0)).ToList());
        }
    }
}
