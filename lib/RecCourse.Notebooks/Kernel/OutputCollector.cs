using RecCourse.Notebooks.Formatting;
using RecCourse.Notebooks.Model;

namespace RecCourse.Notebooks.Kernel;

/// <summary>
/// Gathers one cell's outputs in order: stdout/stderr text (consecutive writes to the same stream
/// merge into one stream output) and displayed values. Thread-safe because cells may write from
/// Parallel.For workers. The active collector flows with the cell's execution context.
/// </summary>
internal sealed class OutputCollector
{
    private static readonly AsyncLocal<OutputCollector?> CurrentSlot = new();
    private readonly List<CellOutput> _outputs = [];
    private readonly System.Text.StringBuilder _pending = new();
    private string? _pendingStream;

    /// <summary>The collector of the cell running on this execution context, if any.</summary>
    public static OutputCollector? Current
    {
        get => CurrentSlot.Value;
        set => CurrentSlot.Value = value;
    }

    /// <summary>Stream text kept per cell; a runaway print loop must not produce a gigabyte notebook.</summary>
    public const int MaxStreamChars = 1_000_000;

    private int _streamChars;
    private bool _truncated;

    public void Write(string stream, string text)
    {
        if (text.Length == 0) return;
        lock (_outputs)
        {
            if (_truncated) return;
            if (_streamChars + text.Length > MaxStreamChars)
            {
                text = text[..Math.Max(0, MaxStreamChars - _streamChars)] + $"\n… output truncated at {MaxStreamChars:N0} characters\n";
                _truncated = true;
            }
            _streamChars += text.Length;
            if (_pendingStream != stream) FlushPending();
            _pendingStream = stream;
            _pending.Append(text);
        }
    }

    public void Add(CellOutput output)
    {
        lock (_outputs)
        {
            FlushPending();
            _outputs.Add(output);
        }
    }

    public void Display(object? value) => Add(CellOutput.Display(DisplayFormatter.ToMimeBundle(value)));

    /// <summary>A snapshot of the outputs so far (a timed-out cell's thread may still be writing).</summary>
    public List<CellOutput> Snapshot()
    {
        lock (_outputs)
        {
            FlushPending();
            return [.. _outputs];
        }
    }

    private void FlushPending()
    {
        if (_pendingStream is not null && _pending.Length > 0)
            _outputs.Add(CellOutput.Stream(_pendingStream, _pending.ToString()));
        _pending.Clear();
        _pendingStream = null;
    }
}
