namespace Planning.Cli;

/// <summary>Arguments that parse but make no sense together; exits with <see cref="ExitCodes.BadUsage"/>.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>A local problem (file, font); exits with <see cref="ExitCodes.LocalFailure"/>.</summary>
public sealed class LocalFailureException(string message, Exception? inner = null) : Exception(message, inner);
