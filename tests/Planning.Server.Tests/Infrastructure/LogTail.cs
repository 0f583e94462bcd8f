using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Planning.Server.Tests.Infrastructure;

/// <summary>
/// The last lines an in-process server logged (the server's own at Information and above, every other source's
/// warnings and errors), for failure messages of tests whose cause is inside the server.
/// </summary>
public sealed class LogTail : ILoggerProvider
{
    private const int Keep = 200;
    private readonly ConcurrentQueue<string> _lines = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The lines kept, oldest first.</summary>
    public override string ToString() => string.Join("\n", _lines);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > Keep && _lines.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(LogTail tail, string category) : ILogger
    {
        private readonly LogLevel _least = category.StartsWith("Planning", StringComparison.Ordinal) ? LogLevel.Information : LogLevel.Warning;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= _least;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                tail.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}"
                         + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})"));
            }
        }
    }
}
