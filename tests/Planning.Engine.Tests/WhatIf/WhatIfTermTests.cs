using Planning.Engine.Inputs;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Simulation;
using Planning.Engine.Spatial;
using Planning.Engine.WhatIf;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.WhatIf;

/// <summary>
/// What-if moves on one term of a run (issue 12 §2). The run: A at 0 m (1 track: 45 grade-1 seats, class
/// limit 45, DOMAIN.md), B at 3,000 m (2 tracks), C a junior school; grade-1 pupils a1 = 40 at 500 m →
/// A, a2 = 30 at 2,000 m → B, a3 = 20 at 2,500 m → B. Areas are 1 km squares in a row, each bordering the next.
/// </summary>
public class WhatIfTermTests
{
    private static readonly SimulationInput Input = Fixtures.Input(
        [Primary("A", 0, tracks: 1), Primary("B", 3000, tracks: 2), Junior("C", 1000, tracks: 2)],
        [
            NewArea("a1", 500, Grades((1, 40))) with { Boundary = Square(0, 0, 1000) },
            NewArea("a2", 2000, Grades((1, 30))) with { Boundary = Square(1000, 0, 1000) },
            NewArea("a3", 2500, Grades((1, 20))) with { Boundary = Square(2000, 0, 1000) },
            NewArea("a4", 3000, Grades((1, 1))) with { Boundary = Square(3000, 0, 1000) },
        ],
        OneTerm() with { CatchmentChangeCostMetres = 0 }) with
    {
        Adjacency = [new AreaLink("a1", "a2"), new AreaLink("a2", "a3"), new AreaLink("a3", "a4")],
    };

    private static readonly TermResult Run = Simulator.Run(Input).Terms[0];

    private static WhatIfTerm Term() => new(
        Run.Term,
        Standard.National2017,
        [.. Input.Schools.Select(s => new WhatIfSchool(s.Code, s.Level, s.Location, s.TracksIn(Run.Term, SchoolPart.Primary), s.TracksIn(Run.Term, SchoolPart.Junior)))],
        [.. Input.Areas.Select(a => new WhatIfArea(a.Code, a.Point, a.Boundary))],
        Run.Placements,
        Run.Assignments,
        Input.Adjacency);

    private static string SchoolOf(string area) => Run.Assignments.Single(a => a.AreaCode == area && a.Part == SchoolPart.Primary).SchoolCode;

    [Fact]
    public void Evaluate_MovingAreaToFullerSchool_ShiftsItsPupilsAndBreaksTheClassLimit()
    {
        Assert.Equal(("A", "B"), (SchoolOf("a1"), SchoolOf("a2")));

        var result = Term().Evaluate([new WhatIfMove("a2", null, "A")]);

        var a = result.Schools.Single(s => s.SchoolCode == "A");
        var b = result.Schools.Single(s => s.SchoolCode == "B");
        Assert.Equal((40, 70), (a.Before.Students, a.After.Students));
        Assert.Equal((51, 21), (b.Before.Students, b.After.Students));
        var grade1 = a.After.Grades.Single(g => g.Grade == 1);
        Assert.Equal((70, 45, 2, 35), (grade1.Students, grade1.Capacity, grade1.Classes, grade1.LargestClass));
        Assert.Empty(a.ViolationsBefore);
        var violation = Assert.Single(a.ViolationsAfter);
        Assert.Equal((ViolationKind.ClassSize, 1, 25), (violation.Kind, violation.Grade, violation.Excess));
        Assert.Equal(30, result.PupilsMoved);
        var row = Assert.Single(result.Areas);
        Assert.Equal(("B", "A", 30, 30), (row.FromSchool, row.ToSchool, row.Pupils, row.PupilsMoved));
        Assert.Equal(Metres(2000, 3000), row.DistanceBeforeMetres, 6);
        Assert.Equal(Metres(2000, 0), row.DistanceAfterMetres, 6);
    }

    [Fact]
    public void Evaluate_Moves_ChangeMeanTravelByTheMovedPupilsOnly()
    {
        var result = Term().Evaluate([new WhatIfMove("a2", null, "A")]);

        var pupils = 91;
        Assert.Equal(pupils, result.DistanceAfter.Students);
        Assert.Equal(Run.Distance.MeanMetres, result.DistanceBefore.MeanMetres, 6);
        Assert.Equal(Run.Distance.MeanMetres + 30 * (Metres(2000, 0) - Metres(2000, 3000)) / pupils, result.DistanceAfter.MeanMetres, 6);
        Assert.Equal(Metres(2000, 0), result.DistanceAfter.MaxMetres, 6);
    }

    [Fact]
    public void Evaluate_MoveThatCutsACatchment_ReportsItsEnclave()
    {
        // a3 to A: a2 (B) lies between a1 and a3, and a3 now cuts a2 off from B's site in a4.
        var result = Term().Evaluate([new WhatIfMove("a3", SchoolPart.Primary, "A")]);

        var a = result.Catchments.Single(c => c.SchoolCode == "A");
        Assert.Equal((1, 2, 1, 2), (a.AreasBefore, a.AreasAfter, a.PartsBefore, a.PartsAfter));
        Assert.False(a.Contiguous);
        Assert.Equal(["a3"], Assert.Single(a.EnclavesAfter));
        var b = result.Catchments.Single(c => c.SchoolCode == "B");
        Assert.Equal((1, 2), (b.PartsBefore, b.PartsAfter));
        Assert.Equal(["a2"], Assert.Single(b.EnclavesAfter));
        Assert.True(result.AdjacencyKnown);
    }

    [Fact]
    public void Evaluate_NoMoves_ChangesNothing()
    {
        var result = Term().Evaluate([]);

        Assert.Empty(result.Schools);
        Assert.Equal(0, result.PupilsMoved);
        Assert.Equal(result.DistanceBefore, result.DistanceAfter);
    }

    [Fact]
    public void Evaluate_SameMoveTwice_CountsOnce()
    {
        var result = Term().Evaluate([new WhatIfMove("a2", null, "A"), new WhatIfMove("a2", SchoolPart.Primary, "A")]);

        Assert.Equal(30, result.PupilsMoved);
        Assert.Equal(70, result.Schools.Single(s => s.SchoolCode == "A").After.Students);
    }

    [Fact]
    public void Check_BadMoves_NameEachFieldByIndex()
    {
        var problems = Term().Check(
        [
            new WhatIfMove("nowhere", null, "A"),
            new WhatIfMove("a1", null, "NOPE"),
            new WhatIfMove("a1", SchoolPart.Junior, "A"),
            new WhatIfMove("a1", null, "B"),
            new WhatIfMove("a1", null, "A"),
        ]);

        Assert.Equal(
            ["moves[0].area_code", "moves[1].school_code", "moves[2].school_code", "moves[4]"],
            problems.Select(p => p.Field));
        Assert.Contains("moves[3]", problems[3].Description);
        Assert.Throws<InvalidInputException>(() => Term().Evaluate([new WhatIfMove("a1", null, "NOPE")]));
    }

    [Fact]
    public void Check_TooManyMoves_IsRefusedAsAWhole()
    {
        var moves = Enumerable.Range(0, WhatIfTerm.MaxMoves + 1).Select(_ => new WhatIfMove("a1", null, "A")).ToList();

        Assert.Equal("moves", Assert.Single(Term().Check(moves)).Field);
    }
}
