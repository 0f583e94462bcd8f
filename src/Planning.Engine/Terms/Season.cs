namespace Planning.Engine.Terms;

/// <summary>The two terms of a school year. The school year starts in autumn.</summary>
public enum Season
{
    /// <summary>The second term of a school year (February to July), in the calendar year after its autumn.</summary>
    Spring,

    /// <summary>The first term of a school year (September to January); cohorts move up a grade.</summary>
    Autumn,
}
