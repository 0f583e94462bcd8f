using Planning.Engine.Rules;
namespace Planning.Engine.Results;

/// <summary>One school in one term.</summary>
/// <param name="SchoolCode">School code.</param>
/// <param name="IsOpen">True when the school teaches this term.</param>
/// <param name="Students">Students in grades 1–9.</param>
/// <param name="SizeLimit">2,000, or 2,500 for a nine-year school (DOMAIN.md).</param>
/// <param name="PrimaryTracks">Tracks in grades 1–6 this term.</param>
/// <param name="JuniorTracks">Tracks in grades 7–9 this term.</param>
/// <param name="Grades">Grades the school teaches or has students in, ascending.</param>
public sealed record SchoolTermResult(
    string SchoolCode,
    bool IsOpen,
    int Students,
    int SizeLimit,
    int PrimaryTracks,
    int JuniorTracks,
    IReadOnlyList<GradeResult> Grades);
