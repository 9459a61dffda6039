namespace OpenCcs.Cli.Tests.Support;

/// <summary>
/// Third-party X12 files in shared/testdata beside the repository, which keep their licence notices there
/// (LICENSES.txt, SOURCES.md); found by walking up from the test binaries.
/// </summary>
public static class SharedTestData
{
    public static string X12(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "testdata", "x12");
            if (Directory.Exists(candidate)) return Path.Combine(candidate, relative.Replace('/', Path.DirectorySeparatorChar));
        }

        throw new DirectoryNotFoundException($"No shared/testdata/x12 folder above {AppContext.BaseDirectory}; clone the shared data beside the repository.");
    }
}
