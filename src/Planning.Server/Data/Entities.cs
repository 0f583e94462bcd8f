using NetTopologySuite.Geometries;

namespace Planning.Server.Data;

// Rows of the base dataset. Geometries are SRID 4326, longitude first.
// Terms are stored as their canonical text ("2020-autumn").

public sealed class District
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public long Population { get; set; }
    public required MultiPolygon Boundary { get; set; }
}

public enum AdminAreaKind { Street, Town }

public sealed class AdminArea
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AdminAreaKind Kind { get; set; }
    public long Population { get; set; }
    public bool Approximate { get; set; }
    public required MultiPolygon Boundary { get; set; }
}

public enum SchoolLevel { Primary, Junior, NineYear }

public enum SchoolKind { Existing, New, Expanded }

public enum SchoolPart { Primary, Junior }

public sealed class School
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public SchoolLevel Level { get; set; }
    public SchoolKind Kind { get; set; }
    public long AdminAreaId { get; set; }
    public AdminArea? AdminArea { get; set; }
    public required Point Location { get; set; }
    /// <summary>Students in grades 1–9 in the base term.</summary>
    public required int[] Enrolment { get; set; }
    public List<CapacityStep> Capacity { get; set; } = [];
    public List<ResourceEntry> Resources { get; set; } = [];
    /// <summary>PostgreSQL xmin, the optimistic-concurrency token.</summary>
    public uint Version { get; set; }
}

public sealed class CapacityStep
{
    public long Id { get; set; }
    public long SchoolId { get; set; }
    public required string FromTerm { get; set; }
    public int PrimaryTracks { get; set; }
    public int JuniorTracks { get; set; }
}

public sealed class ResourceEntry
{
    public long Id { get; set; }
    public long SchoolId { get; set; }
    public SchoolPart Part { get; set; }
    public required string FromTerm { get; set; }
    public double TeachersDegree { get; set; }
    public double TeachersBackbone { get; set; }
    public double TeachersPeArt { get; set; }
    public double FloorAreaM2 { get; set; }
    public double SportsAreaM2 { get; set; }
    public double EquipmentValueYuan { get; set; }
    public double MultimediaRooms { get; set; }
}

public enum ResidentialAreaKind { Compound, Village }

public sealed class ResidentialArea
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public ResidentialAreaKind Kind { get; set; }
    public long AdminAreaId { get; set; }
    public AdminArea? AdminArea { get; set; }
    public required MultiPolygon Boundary { get; set; }
    /// <summary>Interior point standing for where the residents live.</summary>
    public required Point Centroid { get; set; }
    public int Population { get; set; }
    public int Households { get; set; }
    public string? OccupiedFrom { get; set; }
    public double[]? OccupancyRamp { get; set; }
    public int[]? Students { get; set; }
    public long? SchoolPrimaryId { get; set; }
    public School? SchoolPrimary { get; set; }
    public long? SchoolJuniorId { get; set; }
    public School? SchoolJunior { get; set; }
    public uint Version { get; set; }
}

/// <summary>Fingerprint of the last replace-import, so that re-importing the same files is a no-op.</summary>
public sealed class DatasetImport
{
    public long Id { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}
