using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Planning.Reports;

/// <summary>
/// Equirectangular projection scaled by cos(mean latitude) so that a kilometre is as long east–west
/// as north–south at the map's centre; fits <see cref="View"/> into a pixel frame, centred.
/// </summary>
public sealed class MapProjection
{
    /// <summary>Metres per degree of latitude (and of longitude at the equator).</summary>
    public const double MetresPerDegree = 111_320;

    private readonly double _cos;
    private readonly double _scale;
    private readonly double _offsetX;
    private readonly double _offsetY;

    public MapProjection(Envelope view, SKRect frame)
    {
        View = view;
        Frame = frame;
        _cos = Math.Cos(view.Centre.Y * Math.PI / 180);
        var width = view.Width * _cos;
        _scale = Math.Min(frame.Width / width, frame.Height / view.Height);
        _offsetX = frame.Left + ((frame.Width - (width * _scale)) / 2);
        _offsetY = frame.Top + ((frame.Height - (view.Height * _scale)) / 2);
    }

    public Envelope View { get; }

    public SKRect Frame { get; }

    /// <summary>Ground metres per pixel at the map's centre latitude.</summary>
    public double MetresPerPixel => MetresPerDegree / _scale;

    public SKPoint Project(double lon, double lat) => new(
        (float)(_offsetX + ((lon - View.MinX) * _cos * _scale)),
        (float)(_offsetY + ((View.MaxY - lat) * _scale)));

    public SKPoint Project(Coordinate c) => Project(c.X, c.Y);

    /// <summary>A path of every ring of a (multi)polygon or line, even-odd filled so that holes stay empty.</summary>
    public SKPath ToPath(Geometry geometry)
    {
        using var path = new SKPathBuilder { FillType = SKPathFillType.EvenOdd };
        AddTo(path, geometry);
        return path.Detach();
    }

    private void AddTo(SKPathBuilder path, Geometry geometry)
    {
        switch (geometry)
        {
            case Polygon polygon:
                AddRing(path, polygon.ExteriorRing.Coordinates, close: true);
                foreach (var hole in polygon.InteriorRings)
                {
                    AddRing(path, hole.Coordinates, close: true);
                }
                break;
            case LineString line:
                AddRing(path, line.Coordinates, close: line.IsClosed);
                break;
            case GeometryCollection collection:
                foreach (var part in collection.Geometries)
                {
                    AddTo(path, part);
                }
                break;
        }
    }

    private void AddRing(SKPathBuilder path, Coordinate[] coordinates, bool close)
    {
        if (coordinates.Length < 2)
        {
            return;
        }
        path.MoveTo(Project(coordinates[0]));
        for (var i = 1; i < coordinates.Length; i++)
        {
            path.LineTo(Project(coordinates[i]));
        }
        if (close)
        {
            path.Close();
        }
    }
}
