using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OpenCcs.Web.Tests.Testing;

/// <summary>One thing the app logged: the rendered message, every structured value, and the exception if any.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Text)
{
    public override string ToString() => $"{Level} {Category}: {Text}";
}

/// <summary>
/// A logger provider that keeps everything written at every level, including scopes and the structured
/// values a JSON formatter would print, so tests can search all of it.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

    public void Dispose()
    {
    }

    private static string Describe(object? state) =>
        state is IEnumerable<KeyValuePair<string, object?>> values
            ? string.Join(" | ", values.Select(v => $"{v.Key}={v.Value}").Prepend(state.ToString()))
            : state?.ToString() ?? "";

    private sealed class CapturingLogger(string category, LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            capture._entries.Enqueue(new CapturedLog(category, LogLevel.None, "scope: " + Describe(state)));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._entries.Enqueue(new CapturedLog(category, logLevel, string.Join(" | ", formatter(state, exception), Describe(state), exception?.ToString())));
    }
}
