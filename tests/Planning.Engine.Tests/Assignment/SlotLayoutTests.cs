using Planning.Engine.Assignment;
using Planning.Engine.Rules;

namespace Planning.Engine.Tests.Assignment;

/// <summary>The per-slot arrays' layout (<see cref="AssignmentProblem.Slot"/>), which every phase reads through.</summary>
public class SlotLayoutTests
{
    [Fact]
    public void Slot_EverySchoolAndGrade_OneSlotEachAndBackAgain()
    {
        const int schools = 4;
        var problem = new AssignmentProblem(schools, [], moveCost: 0, changeCost: 0, overflowCost: 1);
        var seen = new List<int>();
        for (var school = 0; school < schools; school++)
        {
            var (first, end) = AssignmentProblem.SlotsOf(school);
            Assert.Equal(Grades.Count, end - first);
            foreach (var grade in Grades.All)
            {
                var slot = AssignmentProblem.Slot(school, grade);
                Assert.InRange(slot, first, end - 1);
                Assert.Equal(school, AssignmentProblem.SchoolOf(slot));
                Assert.Equal(grade, AssignmentProblem.GradeOf(slot));
                seen.Add(slot);
            }
        }

        // Grades 1-9 of school 0, then of school 1, …: every slot of the capacity array exactly once, in order.
        Assert.Equal(Enumerable.Range(0, problem.GradeCapacity.Length), seen);
        Assert.Equal(schools * 9, problem.GradeCapacity.Length);
    }

    [Fact]
    public void GradeNode_SlotsInTheSchoolsWalkOrder_OneNodeEachBetweenTheSchoolsAndTheItems()
    {
        // The walk starts at school 0 and meets school 2 (unit 0's nearest) before school 1 (unit 1's
        // other): schools 0, 2, 1 take places 0, 1, 2, and the flow's grade nodes follow (which optimal
        // flow comes back depends on that numbering).
        var problem = LocalSearchTests.Row((2, [(2, 100), (0, 200)]), (0, [(0, 100), (1, 200)]));
        Assert.Equal([0, 2, 1], problem.SchoolWalk);

        var nodes = new List<int>();
        for (var school = 0; school < problem.SchoolCount; school++)
        {
            foreach (var grade in Grades.All)
            {
                var node = FlowRelaxation.GradeNode(problem, AssignmentProblem.Slot(school, grade));
                Assert.Equal(1 + problem.SchoolCount + (problem.SchoolWalk[school] * Grades.Count) + grade - Grades.First, node);
                nodes.Add(node);
            }
        }

        Assert.Equal(Enumerable.Range(1 + problem.SchoolCount, problem.GradeCapacity.Length), nodes.Order());
        Assert.Equal(nodes.Max() + 1, FlowRelaxation.FirstItemNode(problem));
    }
}
