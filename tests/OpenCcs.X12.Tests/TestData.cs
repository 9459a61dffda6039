using System.Text;
using OpenCcs.X12.Claims;

namespace OpenCcs.X12.Tests;

/// <summary>
/// Third-party X12 files live in shared/testdata beside the repository (they keep their own
/// licence notices there), so tests find that folder by walking up from the test binaries.
/// </summary>
internal static class TestData
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string X12Folder => Path.Combine(Root, "x12");

    public static string X12(string relative) => Path.Combine(X12Folder, relative.Replace('/', Path.DirectorySeparatorChar));

    public static Claim837Batch Read(string relative, X12ReaderOptions? options = null) =>
        Claim837Reader.ReadFile(X12(relative), options);

    /// <summary>Files whose ISA-declared element separator shows an ST of type 837.</summary>
    public static IEnumerable<string> Find837Files() =>
        Directory.EnumerateFiles(X12Folder, "*", SearchOption.AllDirectories).Where(Is837);

    public static string Relative(string path) => Path.GetRelativePath(X12Folder, path).Replace(Path.DirectorySeparatorChar, '/');

    private static bool Is837(string path)
    {
        var text = File.ReadAllText(path, Encoding.Latin1);
        var isa = text.IndexOf("ISA", StringComparison.Ordinal);
        if (isa < 0 || isa + 3 >= text.Length)
        {
            return false;
        }

        var separator = text[isa + 3];
        return text.Contains($"ST{separator}837{separator}", StringComparison.Ordinal);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "testdata");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/testdata folder above {AppContext.BaseDirectory}; clone the shared data beside the repository.");
    }
}
