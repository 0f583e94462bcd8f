namespace Planning.Engine.Inputs;

/// <summary>A WGS84 position, longitude first as in GeoJSON.</summary>
/// <param name="Longitude">Degrees east.</param>
/// <param name="Latitude">Degrees north.</param>
public readonly record struct GeoPoint(double Longitude, double Latitude)
{
    /// <summary>Mean Earth radius (IUGG), metres.</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>
    /// Great-circle (haversine) distance in metres. Travel distances in the simulation are these
    /// straight lines from an area's population-weighted point to the school gate, not road
    /// distances; on a sphere the error against the WGS84 ellipsoid stays under 0.5 %.
    /// </summary>
    public double DistanceTo(GeoPoint other)
    {
        var lat1 = double.DegreesToRadians(Latitude);
        var lat2 = double.DegreesToRadians(other.Latitude);
        var dLat = lat2 - lat1;
        var dLon = double.DegreesToRadians(other.Longitude - Longitude);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
