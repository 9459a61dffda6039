namespace OpenCcs.X12;

/// <summary>
/// Checks the ISA/IEA, GS/GE and ST/SE envelopes as segments stream past, and remembers the
/// current header values so a mapper knows which interchange, group and transaction it is in.
/// Missing, extra or misplaced envelope segments are fatal (<see cref="X12Exception"/>): the
/// structure cannot be trusted. Count and control-number mismatches go through <see cref="X12ReaderOptions.EnvelopeErrors"/>.
/// </summary>
public sealed class X12EnvelopeValidator
{
    private readonly X12ReaderOptions _options;
    private readonly Action<X12Issue> _report;
    private int _groupCount;
    private int _transactionCount;
    private int _segmentCount;
    private int _interchangeStart;
    private int _groupStart;
    private int _transactionStart;
    private bool _sawInterchange;

    public X12EnvelopeValidator(X12ReaderOptions? options, Action<X12Issue> report)
    {
        _options = options ?? X12ReaderOptions.Default;
        _report = report;
    }

    public bool InInterchange { get; private set; }

    public bool InGroup { get; private set; }

    public bool InTransaction { get; private set; }

    /// <summary>ISA13 of the current interchange.</summary>
    public string InterchangeControlNumber { get; private set; } = "";

    /// <summary>GS06 of the current group.</summary>
    public string GroupControlNumber { get; private set; } = "";

    /// <summary>GS08, e.g. "005010X222A1".</summary>
    public string GroupVersion { get; private set; } = "";

    /// <summary>ST01, e.g. "837".</summary>
    public string TransactionSetId { get; private set; } = "";

    /// <summary>ST02.</summary>
    public string TransactionControlNumber { get; private set; } = "";

    /// <summary>ST03 (5010 and later); empty in 4010.</summary>
    public string TransactionVersion { get; private set; } = "";

    /// <summary>Call for every segment, in order.</summary>
    public void Observe(X12Segment segment)
    {
        var id = segment.Id;
        // Nearly every segment is inside a transaction set and is not an envelope segment: count it and go on.
        if (InTransaction && !IsEnvelope(id))
        {
            _segmentCount++;
            return;
        }

        var number = segment.Number;
        if (id.SequenceEqual("ISA"))
        {
            if (InInterchange)
            {
                throw Fatal(number, "ISA", $"a new interchange starts before IEA closed interchange {InterchangeControlNumber} (segment {_interchangeStart}).");
            }

            InInterchange = true;
            _sawInterchange = true;
            _interchangeStart = number;
            _groupCount = 0;
            InterchangeControlNumber = segment[13].Trim().ToString();
        }
        else if (id.SequenceEqual("IEA"))
        {
            if (!InInterchange)
            {
                throw Fatal(number, "IEA", "IEA without an open ISA interchange.");
            }

            if (InGroup)
            {
                throw Fatal(number, "IEA", $"IEA closes the interchange before GE closed functional group {GroupControlNumber} (segment {_groupStart}).");
            }

            CheckCount(segment, 1, _groupCount, "IEA01", "functional group", "the interchange");
            CheckControl(segment, 2, InterchangeControlNumber, "interchange control number", "ISA13");
            InInterchange = false;
        }
        else if (id.SequenceEqual("GS"))
        {
            if (!InInterchange)
            {
                throw Fatal(number, "GS", "GS outside an ISA interchange.");
            }

            if (InGroup)
            {
                throw Fatal(number, "GS", $"a new functional group starts before GE closed group {GroupControlNumber} (segment {_groupStart}).");
            }

            InGroup = true;
            _groupStart = number;
            _groupCount++;
            _transactionCount = 0;
            GroupControlNumber = segment[6].ToString();
            GroupVersion = segment[8].ToString();
        }
        else if (id.SequenceEqual("GE"))
        {
            if (!InGroup)
            {
                throw Fatal(number, "GE", "GE without an open GS functional group.");
            }

            if (InTransaction)
            {
                throw Fatal(number, "GE", $"GE closes the group before SE closed transaction set {TransactionControlNumber} (segment {_transactionStart}).");
            }

            CheckCount(segment, 1, _transactionCount, "GE01", "transaction set", $"group {GroupControlNumber}");
            CheckControl(segment, 2, GroupControlNumber, "group control number", "GS06");
            InGroup = false;
        }
        else if (id.SequenceEqual("ST"))
        {
            if (!InGroup)
            {
                throw Fatal(number, "ST", "ST outside a GS functional group.");
            }

            if (InTransaction)
            {
                throw Fatal(number, "ST", $"a new transaction set starts before SE closed transaction set {TransactionControlNumber} (segment {_transactionStart}).");
            }

            InTransaction = true;
            _transactionStart = number;
            _transactionCount++;
            _segmentCount = 1;
            TransactionSetId = segment[1].ToString();
            TransactionControlNumber = segment[2].ToString();
            TransactionVersion = segment[3].ToString();
        }
        else if (id.SequenceEqual("SE"))
        {
            if (!InTransaction)
            {
                throw Fatal(number, "SE", "SE without an open ST transaction set.");
            }

            _segmentCount++;
            CheckCount(segment, 1, _segmentCount, "SE01", "segment", $"transaction set {TransactionControlNumber} (ST through SE)");
            CheckControl(segment, 2, TransactionControlNumber, "transaction set control number", "ST02");
            InTransaction = false;
        }
        else if (!InTransaction)
        {
            var segmentId = id.ToString();
            throw Fatal(number, segmentId, $"{segmentId} is outside a transaction set; every segment after GS must lie between ST and SE.");
        }
        else
        {
            _segmentCount++;
        }
    }

    private static bool IsEnvelope(ReadOnlySpan<char> id) => id switch
    {
        "ISA" or "IEA" or "GS" or "GE" or "ST" or "SE" => true,
        _ => false,
    };

    /// <summary>Call at the end of the data: an envelope still open means the file was cut short.</summary>
    public void Complete(int lastSegmentNumber)
    {
        if (!_sawInterchange)
        {
            throw Fatal(0, "", "The data is empty: expected an ISA interchange header.");
        }

        var open = InTransaction ? $"SE closed transaction set {TransactionControlNumber} (started at segment {_transactionStart})"
            : InGroup ? $"GE closed functional group {GroupControlNumber} (started at segment {_groupStart})"
            : InInterchange ? $"IEA closed interchange {InterchangeControlNumber} (started at segment {_interchangeStart})"
            : null;
        if (open is not null)
        {
            throw Fatal(lastSegmentNumber, "", $"the data ends after this segment, before {open}. The file may be truncated.");
        }
    }

    private void CheckCount(X12Segment segment, int element, int actual, string name, string noun, string container)
    {
        var sent = segment[element];
        if (int.TryParse(sent, out var declared) && declared == actual)
        {
            return;
        }

        var plural = actual == 1 ? noun : noun + "s";
        var says = int.TryParse(sent, out _) ? $"{name} says {sent.ToString()}" : $"{name} \"{sent.ToString()}\" is not a number";
        Report(segment, $"{says}, but {container} has {actual} {plural}.");
    }

    private void CheckControl(X12Segment segment, int element, string expected, string noun, string headerName)
    {
        var sent = segment[element].Trim();
        if (sent.SequenceEqual(expected.AsSpan().Trim()))
        {
            return;
        }

        Report(segment, $"the {noun} {sent.ToString()} does not match {headerName} {expected}.");
    }

    private void Report(X12Segment segment, string detail)
    {
        var id = segment.IdString;
        if (_options.EnvelopeErrors == EnvelopeErrorHandling.Throw)
        {
            throw Fatal(segment.Number, id, detail);
        }

        _report(new X12Issue(segment.Number, id, detail, id == "SE" ? TransactionControlNumber : null));
    }

    private static X12Exception Fatal(int number, string id, string detail) => new(number, id, detail);
}
