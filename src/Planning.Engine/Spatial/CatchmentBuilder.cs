using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using Planning.Engine.Assessment;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Simulation;

namespace Planning.Engine.Spatial;

/// <summary>
/// Catchment polygons: per school and level the union of its areas' polygons. A union is only
/// recomputed when the school's set of areas changed since the last term.
/// </summary>
internal sealed class CatchmentBuilder
{
    private readonly Dictionary<(string School, SchoolPart Part), Catchment> _last = [];

    public IReadOnlyList<Catchment> Build(District district, IReadOnlyList<AreaAssignment> assignments)
    {
        var areas = district.Areas.Where(a => a.Code is not null).ToDictionary(a => a.Code!, a => a.Source!, StringComparer.Ordinal);
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
