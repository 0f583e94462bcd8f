using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.WhatIf;
using Planning.Server.Common;
using Planning.Server.Runs;
using V1 = Planning.V1;

namespace Planning.Server.Planner;

/// <summary>Between the contract's what-if messages and the engine's.</summary>
public static class WhatIfMapping
{
    /// <summary>The moves as the engine takes them; an unknown level is named by its field.</summary>
    public static List<WhatIfMove> Moves(IReadOnlyList<V1.AreaMove> moves, Problems problems)
    {
        var result = new List<WhatIfMove>(moves.Count);
        for (var i = 0; i < moves.Count; i++)
        {
            var move = moves[i];
            SchoolPart? part = null;
            if (move.Part != V1.SchoolPart.Unspecified)
            {
                part = Vocabulary.FromProto(move.Part);
                if (part is null)
                {
                    problems.Add($"moves[{i}].part", $"unknown level {(int)move.Part}: PRIMARY, JUNIOR, or unspecified for the school's only level");
                }
            }

            result.Add(new WhatIfMove(move.AreaCode, part, move.SchoolCode));
        }

        return result;
    }

    public static V1.WhatIfResponse ToProto(string runId, WhatIfResult result, IReadOnlyDictionary<string, string> names)
    {
        var response = new V1.WhatIfResponse
        {
            RunId = runId,
            Term = result.Term.ToString(),
            PupilsMoved = result.PupilsMoved,
            MeanDistanceBeforeM = result.DistanceBefore.MeanMetres,
            MeanDistanceAfterM = result.DistanceAfter.MeanMetres,
            MaxDistanceBeforeM = result.DistanceBefore.MaxMetres,
            MaxDistanceAfterM = result.DistanceAfter.MaxMetres,
            AdjacencyKnown = result.AdjacencyKnown,
        };
        response.Schools.AddRange(result.Schools.Select(s =>
        {
            var school = new V1.WhatIfSchool
            {
                SchoolCode = s.SchoolCode,
                SchoolName = names.GetValueOrDefault(s.SchoolCode, s.SchoolCode),
                Before = School(s.Before, names),
                After = School(s.After, names),
            };
            school.Seats.AddRange(Grades.All.Select(g => s.After.Grades.FirstOrDefault(x => x.Grade == g)?.Capacity ?? 0));
            school.ViolationsBefore.AddRange(s.ViolationsBefore.Select(Violation));
            school.ViolationsAfter.AddRange(s.ViolationsAfter.Select(Violation));
            return school;
        }));
        response.Areas.AddRange(result.Areas.Select(a => new V1.WhatIfArea
        {
            AreaCode = a.AreaCode,
            Part = Vocabulary.ToProto(a.Part),
            FromSchoolCode = a.FromSchool ?? "",
            ToSchoolCode = a.ToSchool,
            Pupils = a.Pupils,
            PupilsMoved = a.PupilsMoved,
            DistanceBeforeM = a.DistanceBeforeMetres,
            DistanceAfterM = a.DistanceAfterMetres,
        }));
        response.Catchments.AddRange(result.Catchments.Select(c =>
        {
            var catchment = new V1.WhatIfCatchment
            {
                SchoolCode = c.SchoolCode,
                Part = Vocabulary.ToProto(c.Part),
                AreasBefore = c.AreasBefore,
                AreasAfter = c.AreasAfter,
                PartsBefore = c.PartsBefore,
                PartsAfter = c.PartsAfter,
                Contiguous = c.Contiguous,
            };
            catchment.EnclavesAfter.AddRange(c.EnclavesAfter.Select(e => EnclaveRecords.ToProto(e, null)));
            return catchment;
        }));
        return response;
    }

    private static V1.SchoolTermResult School(SchoolTermResult s, IReadOnlyDictionary<string, string> names)
    {
        var byGrade = Grades.All.Select(g => s.Grades.FirstOrDefault(x => x.Grade == g)).ToList();
        var proto = new V1.SchoolTermResult
        {
            SchoolCode = s.SchoolCode,
            SchoolName = names.GetValueOrDefault(s.SchoolCode, s.SchoolCode),
            Open = s.IsOpen,
            Total = s.Students,
            SizeLimit = s.SizeLimit,
            PrimaryTracks = s.PrimaryTracks,
            JuniorTracks = s.JuniorTracks,
        };
        proto.Enrolment.AddRange(byGrade.Select(g => g?.Students ?? 0));
        proto.Classes.AddRange(byGrade.Select(g => g?.Classes ?? 0));
        proto.LargestClass.AddRange(byGrade.Select(g => g?.LargestClass ?? 0));
        return proto;
    }

    private static V1.Violation Violation(Violation v) =>
        RunQueries.Violation(v.Kind, v.SchoolCode, v.Grade ?? 0, v.Students, v.Limit, v.Excess, v.AreaCodes);
}
