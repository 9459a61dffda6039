using System.Diagnostics;

namespace OpenCcs.Cli.Tests.Support;

/// <summary>
/// Runs the built program (src/OpenCcs.Cli/bin/&lt;configuration&gt;/net10.0/ccs.dll, the configuration this test
/// assembly was built in) as a separate process, in an empty folder and without database settings in its environment.
/// </summary>
public static class BuiltCcs
{
    public static async Task<CcsRun> RunAsync(params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("openccs-cli-run-");
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder.FullName,
            };
            start.ArgumentList.Add(ProgramPath());
            foreach (var arg in args) start.ArgumentList.Add(arg);
            foreach (var setting in new[] { "Database__Provider", "ConnectionStrings__Ccs" }) start.Environment.Remove(setting);

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return new CcsRun(process.ExitCode, await output, await error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string ProgramPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var repository = testOutput;
        while (repository is not null && !Directory.Exists(Path.Combine(repository.FullName, "src", "OpenCcs.Cli")))
            repository = repository.Parent;
        Assert.True(repository is not null, $"No src/OpenCcs.Cli above {AppContext.BaseDirectory}.");
        var program = Path.Combine(repository.FullName, "src", "OpenCcs.Cli", "bin", configuration, framework, "ccs.dll");
        Assert.True(File.Exists(program), $"{program} is missing; build src/OpenCcs.Cli in {configuration} first.");
        return program;
    }
}
