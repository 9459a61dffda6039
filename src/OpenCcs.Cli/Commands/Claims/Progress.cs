using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace OpenCcs.Cli.Commands.Claims;

/// <summary>A read-only stream that counts the bytes read through it, readable from another thread.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    private long _read;

    public long BytesRead => Volatile.Read(ref _read);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Volatile.Write(ref _read, _read + n);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Which of the command's standard streams a person is watching: a terminal, not a pipe or a file.</summary>
internal readonly record struct Terminal(bool StandardError, bool StandardOutput)
{
    /// <summary>The process's console streams, when the command writes to them and they are not redirected.</summary>
    public static Terminal Of(InvocationConfiguration configuration) => new(
        ReferenceEquals(configuration.Error, Console.Error) && !Console.IsErrorRedirected,
        ReferenceEquals(configuration.Output, Console.Out) && !Console.IsOutputRedirected);
}

/// <summary>
/// One line on a terminal's standard error, redrawn in place at most ten times a second:
/// <c>claims.837 [#######.............]  35%  56.1/160.2 MB  350,112 lines  701,331 lines/s</c>.
/// </summary>
internal sealed class ProgressBar(TextWriter error, string label, long totalBytes)
{
    private const int BarWidth = 24;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDrawn = -1;
    private int _width;

    /// <summary>Large enough that a progress bar is worth showing.</summary>
    public const long MinimumBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The bar for a file of <paramref name="size"/> bytes, or null: drawn only when standard error is a terminal, for
    /// a file of <see cref="MinimumBytes"/> or more, and with JSON or CSV only when they are not printed on a terminal.
    /// </summary>
    public static ProgressBar? For(Terminal terminal, string format, TextWriter error, string path, long size) =>
        terminal.StandardError && size >= MinimumBytes && (format == "text" || !terminal.StandardOutput)
            ? new ProgressBar(error, Path.GetFileName(path), size)
            : null;

    public void Update(long bytes, long lines, bool force = false)
    {
        var now = _clock.ElapsedMilliseconds;
        if (!force && _lastDrawn >= 0 && now - _lastDrawn < 100)
        {
            return;
        }

        _lastDrawn = now;
        var fraction = totalBytes <= 0 ? 1 : Math.Clamp((double)bytes / totalBytes, 0, 1);
        var filled = (int)(fraction * BarWidth);
        var seconds = Math.Max(now / 1000.0, 0.001);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"\r{label} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {fraction * 100,3:0}%  {bytes / 1048576.0:0.0}/{totalBytes / 1048576.0:0.0} MB  {lines:N0} lines  {lines / seconds:N0} lines/s");
        _width = Math.Max(_width, text.Length - 1);
        error.Write(text);
        error.Flush();
    }

    /// <summary>Blanks the line so report output written to the same terminal starts clean.</summary>
    public void Clear()
    {
        if (_lastDrawn < 0)
        {
            return;
        }

        error.Write('\r');
        error.Write(new string(' ', _width));
        error.Write('\r');
        error.Flush();
        _lastDrawn = -1;
    }
}
