using System.Diagnostics;
using System.Text;

namespace Planning.Server.Tests.Infrastructure;

/// <summary>Runs programs (scripts, the server's console commands) for tests, capturing what they print.</summary>
public static class ChildProcess
{
    /// <summary>The dotnet host running these tests, for starting the server's dll.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>A process description with <paramref name="environment"/> added to this one's; output redirected.</summary>
    public static ProcessStartInfo Describe(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        return info;
    }

    /// <summary>Runs to the end and returns standard output; fails with everything it printed when it fails or hangs.</summary>
    public static async Task<string> RunAsync(
        string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var info = Describe(file, arguments, environment);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var timedOut = false;
        using (var cts = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        var output = await stdout;
        if (timedOut || process.ExitCode != 0)
        {
            var ending = timedOut ? $"did not end within {timeout.TotalSeconds} s" : $"exited with {process.ExitCode}";
            throw new InvalidOperationException(
                $"`{file} {string.Join(' ', info.ArgumentList)}` {ending}:\n{output}{await stderr}");
        }
        return output;
    }

    /// <summary>Collects lines a running process prints, thread-safely, for failure messages.</summary>
    public sealed class OutputBuffer
    {
        private readonly StringBuilder _text = new();

        public void Attach(Process process)
        {
            process.OutputDataReceived += (_, e) => Add(e.Data);
            process.ErrorDataReceived += (_, e) => Add(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_text)
            {
                _text.AppendLine(line);
            }
        }

        /// <summary>The last <paramref name="chars"/> characters printed.</summary>
        public string Tail(int chars = 8000)
        {
            lock (_text)
            {
                return _text.Length <= chars ? _text.ToString() : "…" + _text.ToString(_text.Length - chars, chars);
            }
        }
    }
}
