using NetTopologySuite.Geometries;

namespace Planning.Reports;

/// <summary>What a map shows: the whole district (with an inset of the urban streets), the urban streets, or a box.</summary>
/// <param name="Box">A box in WGS84 degrees; it must have an area.</param>
/// <param name="Urban">The urban streets (街道).</param>
public sealed record ReportView(Envelope? Box = null, bool Urban = false)
{
    public static readonly ReportView District = new();

    /// <summary>True for the whole district, the one view that has an inset.</summary>
    public bool IsDistrict => Box is null && !Urban;

    /// <summary>The lon/lat envelope drawn.</summary>
    public Envelope Envelope(ReportGeography geography) =>
        Box ?? (Urban ? Streets(geography) : null) ?? MapRenderer.Padded(geography.District.EnvelopeInternal);

    /// <summary>The urban streets' envelope, with a margin; null when the district has no streets.</summary>
    public static Envelope? Streets(ReportGeography geography)
    {
        var streets = geography.AdminAreas.Where(a => a.IsStreet).ToList();
        if (streets.Count == 0)
        {
            return null;
        }
        var envelope = new Envelope();
        streets.ForEach(s => envelope.ExpandToInclude(s.Area.EnvelopeInternal));
        return MapRenderer.Padded(envelope, 0.05);
    }
}
