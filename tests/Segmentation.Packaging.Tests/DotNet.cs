using System.Diagnostics;
using System.Text;

namespace Segmentation.Packaging.Tests;

/// <summary>Runs the dotnet CLI in a clean environment: no MSBuild variables inherited from the test run, no node reuse.</summary>
internal static class DotNet
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    public static string Run(string workingDirectory, params string[] arguments) =>
        Run(DefaultTimeout, workingDirectory, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", arguments);

    /// <summary>Runs a program (the dotnet CLI or a published app) with the same clean environment.</summary>
    public static string Run(TimeSpan timeout, string workingDirectory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(key);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {timeout}.{Environment.NewLine}{output}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}.{Environment.NewLine}{output}");
        }

        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
