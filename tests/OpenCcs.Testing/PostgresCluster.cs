using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace OpenCcs.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for tests. <see cref="Shared"/> starts one cluster per test
/// process (in a fresh directory under /tmp, on a free loopback port, with durability switched off
/// for speed) and stops and deletes it when the process exits. Tests get their own database from
/// <see cref="CreateDatabaseAsync"/> so they never see each other's rows.
/// </summary>
/// <remarks>
/// Server binaries come from <c>PG_BIN</c> when that is set, else from the highest
/// <c>/usr/lib/postgresql/*/bin</c> that holds <c>initdb</c> (Debian's <c>postgresql</c> package).
/// When the process runs as root the server runs as the <c>postgres</c> user, because
/// <c>initdb</c> refuses root.
/// </remarks>
public sealed partial class PostgresCluster
{
    private const string DirectoryPrefix = "openccs-pg-";
    private const string OwnerFileName = "openccs-owner.pid";
    private const string ServerUser = "postgres";
    private const string InstallHint =
        "Install the PostgreSQL server with: apt-get update && apt-get install -y postgresql " +
        "(or set PG_BIN to a directory holding initdb and pg_ctl).";

    private static readonly Lazy<PostgresCluster> SharedCluster =
        new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly bool _runAsServerUser;
    private int _stopped;

    private PostgresCluster(string binDirectory, string dataDirectory, int port, bool runAsServerUser, TimeSpan startupTime)
    {
        BinDirectory = binDirectory;
        DataDirectory = dataDirectory;
        Port = port;
        _runAsServerUser = runAsServerUser;
        StartupTime = startupTime;
        AdminConnectionString = ConnectionStringFor("postgres");
    }

    /// <summary>The process-wide cluster, started on first use. Thread-safe.</summary>
    /// <exception cref="InvalidOperationException">The server binaries are missing or the cluster did not start.</exception>
    public static PostgresCluster Shared => SharedCluster.Value;

    /// <summary>Always the IPv4 loopback address; the server listens nowhere else.</summary>
    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>The cluster's data directory; it also holds the server log (<c>log</c>) and the socket.</summary>
    public string DataDirectory { get; }

    public string BinDirectory { get; }

    /// <summary>How long initdb plus server start took.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>Connection string for the <c>postgres</c> maintenance database (superuser).</summary>
    public string AdminConnectionString { get; }

    /// <summary>The Npgsql connection string for a database of this cluster.</summary>
    public string ConnectionStringFor(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Host={Host};Port={Port};Username={ServerUser};Database={database};Pooling=true;Include Error Detail=true");
    }

    /// <summary>
    /// Creates an empty database with a unique name (<paramref name="prefix"/>, reduced to
    /// lower-case letters, digits and underscores, then a random suffix) and returns its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        var name = UniqueDatabaseName(prefix);
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // FILE_COPY (PostgreSQL 15+) copies the template's files instead of WAL-logging every
            // block: about twice as fast here, and durability is off anyway.
            var strategy = connection.PostgreSqlVersion.Major >= 15 ? " STRATEGY = FILE_COPY" : "";
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{strategy}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return ConnectionStringFor(name);
    }

    /// <summary>
    /// Drops a database, closing any connections still open to it (pooled ones included).
    /// Accepts the database name or the connection string returned by <see cref="CreateDatabaseAsync"/>.
    /// Dropping a database that does not exist is not an error.
    /// </summary>
    public async Task DropDatabaseAsync(string nameOrConnectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrConnectionString);
        var name = nameOrConnectionString.Contains('=', StringComparison.Ordinal)
            ? new NpgsqlConnectionStringBuilder(nameOrConnectionString).Database
            : nameOrConnectionString;
        if (name is null || !DatabaseNamePattern().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a database name this cluster hands out.", nameof(nameOrConnectionString));
        }

        if (name is "postgres" or "template0" or "template1")
        {
            throw new ArgumentException($"Refusing to drop the system database '{name}'.", nameof(nameOrConnectionString));
        }

        using (var pooled = new NpgsqlConnection(ConnectionStringFor(name)))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a database that is dropped again when the returned object is disposed.</summary>
    public async Task<PostgresTestDatabase> CreateTemporaryDatabaseAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        var connectionString = await CreateDatabaseAsync(prefix, cancellationToken).ConfigureAwait(false);
        return new PostgresTestDatabase(this, connectionString);
    }

    /// <summary>The last lines of the server log, for error messages.</summary>
    public string ServerLogTail(int lines = 40) => ReadLogTail(Path.Combine(DataDirectory, "log"), lines);

    private static string UniqueDatabaseName(string? prefix)
    {
        var cleaned = new StringBuilder();
        foreach (var c in (prefix ?? "test").ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
            {
                cleaned.Append(c);
            }
            else if (cleaned.Length > 0 && cleaned[^1] != '_')
            {
                cleaned.Append('_');
            }
        }

        var stem = cleaned.ToString().Trim('_');
        if (stem.Length == 0 || !char.IsAsciiLetterLower(stem[0]))
        {
            stem = "t_" + stem;
        }

        // PostgreSQL truncates identifiers at 63 bytes; keep the random suffix intact.
        var suffix = Guid.NewGuid().ToString("N")[..16];
        if (stem.Length > 63 - 1 - suffix.Length)
        {
            stem = stem[..(63 - 1 - suffix.Length)].TrimEnd('_');
        }

        return stem + "_" + suffix;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseNamePattern();

    private static PostgresCluster Start()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The test PostgreSQL cluster runs on Linux only (Debian's postgresql package).");
        }

        var stopwatch = Stopwatch.StartNew();
        var binDirectory = FindBinDirectory();
        var runAsServerUser = IsRoot();
        if (runAsServerUser && !ServerUserExists())
        {
            throw new InvalidOperationException(
                $"Running as root, so the test PostgreSQL cluster must run as the '{ServerUser}' user, but that user does not exist. " +
                InstallHint);
        }

        RemoveStaleClusters(binDirectory, runAsServerUser);

        var dataDirectory = Path.Combine("/tmp", DirectoryPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            if (runAsServerUser)
            {
                RunChecked("chown", [$"{ServerUser}:{ServerUser}", dataDirectory], asServerUser: false, TimeSpan.FromSeconds(30), dataDirectory);
            }

            RunChecked(
                Path.Combine(binDirectory, "initdb"),
                ["-D", dataDirectory, "-A", "trust", "-U", ServerUser, "-E", "UTF8", "--no-locale", "--no-sync"],
                runAsServerUser,
                TimeSpan.FromMinutes(2),
                dataDirectory);
            File.WriteAllText(
                Path.Combine(dataDirectory, OwnerFileName),
                Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

            var port = StartServer(binDirectory, dataDirectory, runAsServerUser);
            stopwatch.Stop();
            var cluster = new PostgresCluster(binDirectory, dataDirectory, port, runAsServerUser, stopwatch.Elapsed);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
            StartReaper(binDirectory, dataDirectory, runAsServerUser);
            return cluster;
        }
        catch
        {
            StopAndDelete(binDirectory, dataDirectory, runAsServerUser);
            throw;
        }
    }

    private static int StartServer(string binDirectory, string dataDirectory, bool runAsServerUser)
    {
        var logFile = Path.Combine(dataDirectory, "log");
        var failures = new StringBuilder();

        // The free port is found by binding port 0 and letting go of it, so another process can
        // take it before the server binds: try again on a fresh port a couple of times.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var port = FindFreeLoopbackPort();
            var options = string.Join(
                ' ',
                $"-p {port.ToString(CultureInfo.InvariantCulture)}",
                $"-k {dataDirectory}",
                "-c listen_addresses=127.0.0.1",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=300");
            var result = Run(
                Path.Combine(binDirectory, "pg_ctl"),
                ["-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "-o", options, "start"],
                runAsServerUser,
                TimeSpan.FromSeconds(90),
                dataDirectory);
            if (result.ExitCode == 0)
            {
                return port;
            }

            failures.AppendLine(CultureInfo.InvariantCulture, $"attempt {attempt} on port {port}: {result.Describe()}");
            Run(Path.Combine(binDirectory, "pg_ctl"), ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], runAsServerUser, TimeSpan.FromSeconds(30), dataDirectory);
            if (!ReadLogTail(logFile, 10).Contains("could not bind", StringComparison.Ordinal))
            {
                break;
            }
        }

        throw new InvalidOperationException(
            $"The test PostgreSQL cluster in {dataDirectory} did not start.{Environment.NewLine}{failures}" +
            $"Server log ({logFile}), last lines:{Environment.NewLine}{ReadLogTail(logFile, 40)}");
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        StopAndDelete(BinDirectory, DataDirectory, _runAsServerUser);
    }

    private static void StopAndDelete(string binDirectory, string dataDirectory, bool runAsServerUser)
    {
        try
        {
            if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
            {
                Run(Path.Combine(binDirectory, "pg_ctl"), ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], runAsServerUser, TimeSpan.FromSeconds(30), "/tmp");
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            // Best effort while the process is going away.
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort; the next run's sweep removes it.
        }
    }

    /// <summary>
    /// The exit handler does not run when the test process is killed (the test host is ended
    /// forcibly after a run or on a timeout), and it may be cut short. A small detached shell
    /// watches this process and, once it is gone, stops the server and deletes the directory.
    /// </summary>
    private static void StartReaper(string binDirectory, string dataDirectory, bool runAsServerUser)
    {
        const string script =
            "exec </dev/null >/dev/null 2>&1; " +
            "owner=$1; dir=$2; shift 2; " +
            "while kill -0 \"$owner\"; do sleep 1; done; " +
            "if [ -f \"$dir/postmaster.pid\" ]; then \"$@\"; fi; " +
            "rm -rf \"$dir\"";
        var setsid = File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : null;
        var startInfo = new ProcessStartInfo
        {
            FileName = setsid ?? "/bin/sh",
            UseShellExecute = false,
            WorkingDirectory = "/tmp",
        };
        if (setsid is not null)
        {
            // -f: fork into a new session, so that killing the test host's process tree spares it.
            startInfo.ArgumentList.Add("-f");
            startInfo.ArgumentList.Add("/bin/sh");
        }

        foreach (var argument in new[] { "-c", script, "openccs-pg-reaper", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), dataDirectory })
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (runAsServerUser)
        {
            startInfo.ArgumentList.Add(File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "runuser");
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(ServerUser);
            startInfo.ArgumentList.Add("--");
        }

        foreach (var argument in new[] { Path.Combine(binDirectory, "pg_ctl"), "-D", dataDirectory, "-m", "immediate", "-w", "stop" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(startInfo);
            if (setsid is not null)
            {
                process?.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Without a reaper the exit handler and the next run's sweep still clean up.
        }
    }

    /// <summary>
    /// Stops and deletes clusters left behind by test processes that died without running their
    /// exit handler (killed by a timeout, crashed). A cluster whose owner process is alive is left alone.
    /// </summary>
    private static void RemoveStaleClusters(string binDirectory, bool runAsServerUser)
    {
        string[] candidates;
        try
        {
            candidates = Directory.GetDirectories("/tmp", DirectoryPrefix + "*");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var directory in candidates)
        {
            try
            {
                var ownerFile = Path.Combine(directory, OwnerFileName);
                bool stale;
                if (File.Exists(ownerFile))
                {
                    stale = !int.TryParse(File.ReadAllText(ownerFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
                        || !Directory.Exists($"/proc/{owner.ToString(CultureInfo.InvariantCulture)}");
                }
                else
                {
                    // No owner yet: either initdb is running right now or the owner died before it finished.
                    stale = DateTime.UtcNow - Directory.GetLastWriteTimeUtc(directory) > TimeSpan.FromHours(1);
                }

                if (stale)
                {
                    StopAndDelete(binDirectory, directory, runAsServerUser);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not ours to clean (another user's), or already gone.
            }
        }
    }

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (File.Exists(Path.Combine(configured, "initdb")) && File.Exists(Path.Combine(configured, "pg_ctl")))
            {
                return configured;
            }

            throw new InvalidOperationException($"PG_BIN is '{configured}', but it holds no initdb and pg_ctl. {InstallHint}");
        }

        const string root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Directory: d, Version: ParseVersion(Path.GetFileName(d))))
                .Where(d => d.Version is not null
                    && File.Exists(Path.Combine(d.Directory, "bin", "initdb"))
                    && File.Exists(Path.Combine(d.Directory, "bin", "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Directory, "bin"))
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries found (looked for {root}/*/bin/initdb). Tests that need PostgreSQL cannot run. {InstallHint}");
    }

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version : null;

    private static bool IsRoot()
    {
        try
        {
            // "Uid:\treal\teffective\tsaved\tfs"
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            if (line is not null)
            {
                var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length >= 3)
                {
                    return fields[2] == "0";
                }
            }
        }
        catch (IOException)
        {
            // Fall back to the name below.
        }

        return Environment.UserName == "root";
    }

    private static bool ServerUserExists() =>
        File.Exists("/etc/passwd")
        && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(ServerUser + ":", StringComparison.Ordinal));

    private static int FindFreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string ReadLogTail(string logFile, int lines)
    {
        try
        {
            if (!File.Exists(logFile))
            {
                return "(no server log was written)";
            }

            var all = File.ReadAllLines(logFile);
            return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(could not read the server log: {e.Message})";
        }
    }

    private static void RunChecked(string fileName, IReadOnlyList<string> arguments, bool asServerUser, TimeSpan timeout, string workingDirectory)
    {
        var result = Run(fileName, arguments, asServerUser, timeout, workingDirectory);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Setting up the test PostgreSQL cluster failed: {result.Describe()}");
        }
    }

    private static ProcessResult Run(string fileName, IReadOnlyList<string> arguments, bool asServerUser, TimeSpan timeout, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // The server user cannot enter root's home or the repository; give it a directory it can.
            WorkingDirectory = Directory.Exists(workingDirectory) ? workingDirectory : "/tmp",
        };
        if (asServerUser)
        {
            startInfo.FileName = File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "runuser";
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(ServerUser);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(fileName);
        }
        else
        {
            startInfo.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Keep libpq settings of the surrounding shell from steering the tools elsewhere.
        foreach (var variable in new[] { "PGDATA", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGOPTIONS" })
        {
            startInfo.Environment.Remove(variable);
        }

        startInfo.Environment["LC_ALL"] = "C";

        var commandLine = string.Join(' ', new[] { startInfo.FileName }.Concat(startInfo.ArgumentList));
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{commandLine}'.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ProcessResult(commandLine, -1, $"timed out after {timeout.TotalSeconds:0} s", stdout.Result + stderr.Result);
        }

        process.WaitForExit();
        return new ProcessResult(commandLine, process.ExitCode, null, stdout.Result + stderr.Result);
    }

    private sealed record ProcessResult(string CommandLine, int ExitCode, string? Problem, string Output)
    {
        public string Describe() =>
            $"'{CommandLine}' {Problem ?? $"exited with code {ExitCode.ToString(CultureInfo.InvariantCulture)}"}" +
            (string.IsNullOrWhiteSpace(Output) ? "." : $":{Environment.NewLine}{Output.TrimEnd()}{Environment.NewLine}");
    }
}

/// <summary>A database of a <see cref="PostgresCluster"/> that is dropped on dispose.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly PostgresCluster _cluster;

    internal PostgresTestDatabase(PostgresCluster cluster, string connectionString)
    {
        _cluster = cluster;
        ConnectionString = connectionString;
        Name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public ValueTask DisposeAsync() => new(_cluster.DropDatabaseAsync(Name));
}
