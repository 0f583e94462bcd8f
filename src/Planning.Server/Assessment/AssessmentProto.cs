using Planning.Engine.Assessment;
using Planning.Engine.Rules;
using Planning.Server.Common;
using V1 = Planning.V1;

namespace Planning.Server.Assessment;

/// <summary>From the engine's assessment records to planning.v1 messages.</summary>
public static class AssessmentProto
{
    public static V1.DistrictAssessment District(string runId, string term, DistrictAssessment district)
    {
        var proto = new V1.DistrictAssessment { RunId = runId, Term = term, Passes = district.Outcome == Outcome.Met };
        proto.Parts.AddRange(district.Levels.Select(level =>
        {
            var part = new V1.PartAssessment
            {
                Part = Vocabulary.ToProto(level.Part), Schools = level.PartsAssessed, SchoolsMeetingAll = level.PartsMeetingAll,
            };
            part.Coefficients.AddRange(level.Coefficients.Select(c =>
            {
                var coefficient = new V1.Coefficient
                {
                    Indicator = Vocabulary.ToProto(c.Indicator),
                    Value = c.Coefficient ?? 0,
                    Ceiling = c.Ceiling,
                    Met = c.Outcome == Outcome.Met,
                    Status = Status(c.Statistic.Undefined),
                    UndefinedReason = UndefinedText(c.Statistic.Undefined),
                    Students = c.Statistic.Students,
                    Mean = c.Statistic.Mean ?? 0,
                };
                coefficient.TopContributors.AddRange(c.TopContributors.Select(t => t.Code));
                return coefficient;
            }));
            return part;
        }));
        return proto;
    }

    public static V1.CoefficientStatus Status(UndefinedReason? reason) => reason switch
    {
        null => V1.CoefficientStatus.Defined,
        UndefinedReason.NoStudents => V1.CoefficientStatus.NoStudents,
        _ => V1.CoefficientStatus.ZeroMean,
    };

    /// <summary>Why a coefficient has no value, for people; empty when it has one.</summary>
    public static string UndefinedText(UndefinedReason? reason) => reason switch
    {
        null => "",
        UndefinedReason.NoStudents => "undefined: no school part of this level has pupils",
        _ => "undefined: every school part of this level is at zero of this resource (0/0)",
    };

    public static V1.SchoolAssessment School(AssessedSchool school)
    {
        var assessment = school.Assessment;
        var proto = new V1.SchoolAssessment { SchoolCode = school.Facts.Code, SchoolName = school.Facts.Name };
        proto.Parts.AddRange(assessment.Parts.Select(part =>
        {
            var message = new V1.SchoolPartAssessment
            {
                Part = Vocabulary.ToProto(part.Part),
                Students = part.Students,
                // A part without students has nothing to fail (not applicable counts as met).
                SixOfSeven = part.ResourceOutcome != Outcome.NotMet,
                SizeOk = assessment.SizeMet,
                ClassesOk = part.ClassesMet,
            };
            message.Indicators.AddRange(part.Indicators.Select(ToProto));
            return message;
        }));
        return proto;
    }

    public static V1.IndicatorResult ToProto(IndicatorResult i) => new()
    {
        Indicator = Vocabulary.ToProto(i.Indicator),
        Value = i.Value ?? 0,
        Threshold = i.Threshold,
        Met = i.Outcome != Outcome.NotMet,
        Gap = i.Gap,
        GapText = GapTexts.ForIndicator(i.Indicator, i.Gap),
    };
}
