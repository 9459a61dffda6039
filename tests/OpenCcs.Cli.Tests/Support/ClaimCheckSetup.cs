using OpenCcs.Testing;

namespace OpenCcs.Cli.Tests.Support;

/// <summary>A new database with the <see cref="ClaimScenario"/> saved in it, and a folder for the files a test checks.</summary>
public sealed class ClaimCheckSetup : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("openccs-claims-check-");

    private ClaimCheckSetup(CliDatabase database, ClaimScenario scenario)
    {
        Database = database;
        Scenario = scenario;
    }

    public CliDatabase Database { get; }

    public ClaimScenario Scenario { get; }

    public static async Task<ClaimCheckSetup> CreateAsync(TestDatabase provider)
    {
        var database = await CliDatabase.CreateAsync(provider);
        return new ClaimCheckSetup(database, await ClaimScenario.SavedInAsync(database));
    }

    /// <summary>Writes <paramref name="text"/> to a file named <paramref name="name"/> in the folder; returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary><c>ccs claims check FILE [options]</c> on this database, in this process.</summary>
    public Task<CcsRun> CheckAsync(string file, params string[] options) => Ccs.RunAsync(Arguments(file, options));

    /// <summary>As <see cref="CheckAsync"/>, at a terminal (see <see cref="Ccs.AtTerminalAsync"/>).</summary>
    public Task<CcsRun> CheckAtTerminalAsync(bool outputToFile, string file, params string[] options) =>
        Ccs.AtTerminalAsync(outputToFile, Arguments(file, options));

    /// <summary>As <see cref="CheckAsync"/>, by the built program in a process of its own (see <see cref="BuiltCcs"/>).</summary>
    public Task<CcsRun> CheckWithBuiltProgramAsync(string file, params string[] options) => BuiltCcs.RunAsync(Arguments(file, options));

    private string[] Arguments(string file, string[] options) => ["claims", "check", file, .. options, .. Database.Options];

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}
