using System.CommandLine;
using System.Data.Common;

namespace OpenCcs.Cli.Commands;

/// <summary>A problem the person running <c>ccs</c> can fix: an unknown provider, a missing or malformed connection string.</summary>
internal sealed class UsageException(string message, Exception? inner = null) : Exception(message, inner);

internal static class CommandFailure
{
    /// <summary>
    /// Sets the command's action so that problems the person can fix (bad options, a database that cannot be reached)
    /// end with one line on standard error and exit code 1. Anything else is a bug and keeps its stack trace.
    /// </summary>
    public static void SetReportingAction(this Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await action(parse, cancellationToken);
            }
            catch (Exception e) when (e is UsageException or DbException)
            {
                var prefix = e is DbException ? "database error: " : "";
                var message = string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                await parse.InvocationConfiguration.Error.WriteLineAsync($"ccs {command.Name}: {prefix}{message}");
                return 1;
            }
        });
}
