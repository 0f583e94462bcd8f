using Planning.Engine.Inputs;

namespace Planning.Engine.Spatial;

/// <summary>
/// k-nearest schools by a uniform grid over an equirectangular projection. The grid only picks
/// candidates; distances are then measured on the sphere. Over a district (tens of km) the
/// projection's error is far below 0.1 %, so the chosen set is the true k nearest except for near-ties.
/// </summary>
internal sealed class NearestSchools
{
    private readonly GeoPoint[] _points;
    private readonly int[] _ids;
    private readonly double _cosLat;
    private readonly double _minX;
    private readonly double _minY;
    private readonly double _cell;
    private readonly int _columns;
    private readonly int _rows;
    private readonly List<int>[] _cells;

    /// <param name="schools">School index and location of each school to search.</param>
    public NearestSchools(IReadOnlyList<(int Id, GeoPoint Point)> schools)
    {
        _ids = schools.Select(s => s.Id).ToArray();
        _points = schools.Select(s => s.Point).ToArray();
        _cosLat = _points.Length == 0 ? 1 : Math.Cos(double.DegreesToRadians(_points.Average(p => p.Latitude)));
        var xs = _points.Select(X).ToArray();
        var ys = _points.Select(Y).ToArray();
        _minX = xs.DefaultIfEmpty(0).Min();
        _minY = ys.DefaultIfEmpty(0).Min();
        var width = Math.Max(1, xs.DefaultIfEmpty(0).Max() - _minX);
        var height = Math.Max(1, ys.DefaultIfEmpty(0).Max() - _minY);
        // About one school per cell.
        _cell = Math.Max(1, Math.Sqrt(width * height / Math.Max(1, _points.Length)));
        _columns = (int)(width / _cell) + 1;
        _rows = (int)(height / _cell) + 1;
        _cells = new List<int>[_columns * _rows];
        for (var i = 0; i < _points.Length; i++)
        {
            var (cx, cy) = CellOf(xs[i], ys[i]);
            (_cells[cy * _columns + cx] ??= []).Add(i);
        }
    }

    /// <summary>Up to <paramref name="k"/> schools nearest to <paramref name="point"/> within <paramref name="maxMetres"/>, nearest first.</summary>
    public IReadOnlyList<(int Id, double Metres)> Find(GeoPoint point, int k, double? maxMetres)
    {
        if (_points.Length == 0 || k <= 0)
        {
            return [];
        }

        var x = X(point);
        var y = Y(point);
        var (cx, cy) = CellOf(x, y);
        var found = new List<int>();
        // The k smallest planar distances seen so far, ascending (fewer when there are fewer schools): the search stops once the k-th lies within the rings covered.
        var smallest = new double[Math.Min(k, _points.Length)];
        var kept = 0;
        var limit = maxMetres ?? double.PositiveInfinity;
        for (var ring = 0; ; ring++)
        {
            for (var gy = cy - ring; gy <= cy + ring; gy++)
            {
                for (var gx = cx - ring; gx <= cx + ring; gx++)
                {
                    if (Math.Max(Math.Abs(gx - cx), Math.Abs(gy - cy)) != ring || gx < 0 || gy < 0 || gx >= _columns || gy >= _rows)
                    {
                        continue;
                    }

                    foreach (var i in _cells[gy * _columns + gx] ?? [])
                    {
                        found.Add(i);
                        kept = Keep(smallest, kept, Math.Sqrt(Square(X(_points[i]) - x) + Square(Y(_points[i]) - y)));
                    }
                }
            }

            // Every school within ring × cell of the point has been seen, even for a point outside the grid.
            var covered = ring * _cell;
            if (ring > _columns + _rows)
            {
                break;
            }

            if (covered > limit * 1.01 || (kept == k && smallest[k - 1] <= covered))
            {
                break;
            }
        }

        var near = new List<(int Id, double Metres)>(found.Count);
        foreach (var i in found)
        {
            var metres = point.DistanceTo(_points[i]);
            if (metres <= limit)
            {
                near.Add((_ids[i], metres));
            }
        }

        near.Sort(static (a, b) => a.Metres.CompareTo(b.Metres) is var c and not 0 ? c : a.Id.CompareTo(b.Id));
        if (near.Count > k)
        {
            near.RemoveRange(k, near.Count - k);
        }

        return near;
    }

    // Inserts value into the ascending list of the smallest, which holds at most its length; returns how many it holds.
    private static int Keep(double[] smallest, int kept, double value)
    {
        if (kept == smallest.Length && value >= smallest[kept - 1])
        {
            return kept;
        }

        var j = kept == smallest.Length ? kept - 1 : kept;
        for (; j > 0 && smallest[j - 1] > value; j--)
        {
            smallest[j] = smallest[j - 1];
        }

        smallest[j] = value;
        return Math.Min(kept + 1, smallest.Length);
    }

    private static double Square(double v) => v * v;

    private double X(GeoPoint p) => double.DegreesToRadians(p.Longitude) * _cosLat * GeoPoint.EarthRadiusMetres;

    private static double Y(GeoPoint p) => double.DegreesToRadians(p.Latitude) * GeoPoint.EarthRadiusMetres;

    private (int X, int Y) CellOf(double x, double y) =>
        (Math.Clamp((int)((x - _minX) / _cell), 0, _columns - 1), Math.Clamp((int)((y - _minY) / _cell), 0, _rows - 1));
}
