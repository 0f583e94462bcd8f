using Planning.Server.Data;

namespace Planning.Server.Access;

/// <summary>
/// The three roles and the authorization policies named after them. Each role includes the ones
/// below it, so a policy admits its own role and every higher one.
/// </summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Planner = "planner";
    public const string Admin = "admin";

    public static string Name(Role role) => role switch
    {
        Role.Viewer => Viewer,
        Role.Planner => Planner,
        _ => Admin,
    };

    public static Role? Parse(string? name) => name switch
    {
        Viewer => Role.Viewer,
        Planner => Role.Planner,
        Admin => Role.Admin,
        _ => null,
    };

    /// <summary>The role names a policy for <paramref name="least"/> admits.</summary>
    public static string[] AtLeast(Role least) => [.. Enum.GetValues<Role>().Where(r => r >= least).Select(Name)];
}
