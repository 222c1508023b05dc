using System.Threading.Tasks;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Resets.StateResetBeforeSaveAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Resets;

/// <summary>SW3001 — State is reset before the save succeeds: what is reported, and what is left alone.</summary>
public class SW3001StateResetBeforeSaveTests
{
    // ---------------------------------------------------------------- reported: reset-then-save

    [Fact]
    public Task Bool_flag_cleared_before_the_save_in_the_same_block_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class PlayerSaves
            {
                public static bool IsDirty;
                private static string _json = "{}";

                public void Update()
                {
                    if (IsDirty)
                    {
                        {|SW3001:IsDirty = false;|}
                        SavePlayerData();
                    }
                }

                public void SetScore(int score)
                {
                    _json = "{\"score\":" + score + "}";
                    IsDirty = true;
                }

                private void SavePlayerData() => File.WriteAllText("player.json", _json);
            }
            """);

    [Fact]
    public Task Modification_counter_reset_before_the_autosave_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            public sealed class NotesStore
            {
                private readonly List<string> _notes = new();
                private int _modificationCount;
                private long _bytesChanged;

                public void Add(string note)
                {
                    _notes.Add(note);
                    _modificationCount++;
                    _bytesChanged += note.Length;
                    if (_modificationCount >= 10 || _bytesChanged > 4096)
                    {
                        {|SW3001:_modificationCount = 0;|}
                        {|SW3001:_bytesChanged = 0L;|}
                        File.WriteAllLines("notes.txt", _notes);
                    }
                }
            }
            """);

    // rules.md (issue 12): appends are not saves; the pending collections are written whole here.
    [Fact]
    public Task Pending_collections_cleared_or_replaced_before_the_write_are_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Text;

            public sealed class EventJournal
            {
                private readonly Queue<string> _queue = new();
                private List<string> _batch = new();
                private string[] _lines = new string[0];
                private readonly StringBuilder _text = new();

                public void Record(string e)
                {
                    _queue.Enqueue(e);
                    _batch.Add(e);
                    _lines = new[] { e };
                    _text.AppendLine(e);
                }

                public void FlushQueue()
                {
                    var pending = _queue.ToArray();
                    {|SW3001:_queue.Clear();|}
                    File.WriteAllLines("journal.log", pending);
                }

                public void FlushBatch()
                {
                    var pending = _batch;
                    {|SW3001:_batch = new();|}
                    File.WriteAllLines("batch.log", pending);
                }

                public void FlushLines()
                {
                    var pending = _lines;
                    {|SW3001:_lines = [];|}
                    File.WriteAllLines("lines.log", pending);
                }

                public void FlushText()
                {
                    var pending = _text.ToString();
                    {|SW3001:_text.Clear();|}
                    File.WriteAllText("text.log", pending);
                }
            }
            """);

    [Fact]
    public Task Null_empty_string_and_default_markers_are_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public sealed class DraftKeeper
            {
                private string? _draft;
                private string _title = "";
                private DateTime? _firstUnsavedChange;

                public void Edit(string text, string title)
                {
                    _draft = text;
                    _title = title;
                    _firstUnsavedChange ??= DateTime.UtcNow;
                }

                public void SaveDraft()
                {
                    if (_draft is null || _firstUnsavedChange is null)
                    {
                        return;
                    }

                    var content = _title + "\n" + _draft;
                    {|SW3001:_draft = null;|}
                    {|SW3001:_title = string.Empty;|}
                    {|SW3001:_firstUnsavedChange = default;|}
                    File.WriteAllText("draft.txt", content);
                }
            }
            """);

    [Fact]
    public Task Settings_property_marker_with_backing_field_and_this_access_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public class SettingsViewModel
            {
                private bool _hasChanges;
                private string _theme = "light";

                public bool HasChanges
                {
                    get => _hasChanges;
                    set => _hasChanges = value;
                }

                public string Theme
                {
                    get => _theme;
                    set { _theme = value; HasChanges = true; }
                }

                public void Apply()
                {
                    if (!_hasChanges)
                    {
                        return;
                    }

                    {|SW3001:this.HasChanges = false;|}
                    File.WriteAllText("settings.ini", "theme=" + _theme);
                }
            }
            """);

    // ---------------------------------------------------------------- reported: finally and swallowing catch

    [Fact]
    public Task Reset_in_finally_whose_try_saves_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class Inventory
            {
                private int _pendingChanges;
                private string _data = "";

                public void Change(string data) { _data = data; _pendingChanges++; }

                public void Persist()
                {
                    if (_pendingChanges == 0) return;
                    try
                    {
                        File.WriteAllText("inventory.csv", _data);
                    }
                    finally
                    {
                        {|SW3001:_pendingChanges = 0;|}
                    }
                }
            }
            """);

    [Fact]
    public Task Reset_after_or_inside_a_swallowing_catch_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public sealed class Preferences
            {
                private bool _dirty;
                private bool _unsynced;
                private string _values = "";

                public void Set(string values) { _values = values; _dirty = true; _unsynced = true; }

                public void SaveIfDirty()
                {
                    if (!_dirty) return;
                    try
                    {
                        File.WriteAllText("prefs.txt", _values);
                    }
                    catch (IOException e)
                    {
                        Console.Error.WriteLine(e.Message);
                    }

                    {|SW3001:_dirty = false;|}
                }

                public void Sync()
                {
                    if (!_unsynced) return;
                    try
                    {
                        File.WriteAllText("sync.txt", _values);
                        _unsynced = false;
                    }
                    catch (Exception)
                    {
                        {|SW3001:_unsynced = false;|}
                    }
                }
            }
            """);

    // ---------------------------------------------------------------- reported: async, lambdas, local functions, setters

    [Fact]
    public Task Async_save_awaited_after_the_reset_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class CartService
            {
                private bool _isDirty;
                private string _cart = "[]";

                public void AddItem(string json) { _cart = json; _isDirty = true; }

                public async Task SaveAsync(CancellationToken ct)
                {
                    if (!_isDirty) return;
                    {|SW3001:_isDirty = false;|}
                    await File.WriteAllTextAsync("cart.json", _cart, ct);
                }
            }
            """);

    // The saves are found only through a method group handed on and through sibling local functions: names the
    // syntax gate before binding (Saves.MaySave) must follow too.
    [Fact]
    public Task Saves_reached_through_a_method_group_or_a_sibling_local_function_are_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;

            public sealed class Journal
            {
                private bool _pending;
                private string _text = "";

                public void Add(string line) { _text += line; _pending = true; }

                public bool CanClose => !_pending;

                public Task FlushLater()
                {
                    if (!_pending) return Task.CompletedTask;
                    {|SW3001:_pending = false;|}
                    return Later();
                }

                public void FlushNow()
                {
                    if (!_pending) return;
                    {|SW3001:_pending = false;|}
                    Step();

                    void Step() => Inner();
                    void Inner() => Emit(_text);
                }

                private Task Later() => Task.Factory.StartNew(WriteOut);

                private void WriteOut() => Emit(_text);

                private static void Emit(string text) => File.WriteAllText("journal.txt", text);
            }
            """);

    [Fact]
    public Task Saves_started_in_lambdas_and_resets_in_lambdas_and_local_functions_are_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class AutoSaver
            {
                private bool _dirty;
                private int _edits;
                private string _text = "";
                private Timer? _timer;

                public void Edit(string text) { _text = text; _dirty = true; _edits++; }

                public void Start() => _timer = new Timer(_ =>
                {
                    if (_dirty)
                    {
                        {|SW3001:_dirty = false;|}
                        Write();
                    }
                }, null, 1000, 1000);

                public void Kick()
                {
                    if (_edits == 0) return;
                    {|SW3001:_edits = 0;|}
                    Task.Run(() => Write());
                }

                public void Close()
                {
                    Finish();

                    void Finish()
                    {
                        if (_dirty)
                        {
                            {|SW3001:_dirty = false;|}
                            Write();
                        }
                    }
                }

                private void Write() => File.WriteAllText("autosave.txt", _text);
            }
            """);

    [Fact]
    public Task Reset_in_a_property_setter_before_the_save_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class Document
            {
                private bool _modified;
                private bool _autoSave;
                private string _body = "";

                public string Body { get => _body; set { _body = value; _modified = true; } }

                public bool AutoSave
                {
                    get => _autoSave;
                    set
                    {
                        _autoSave = value;
                        if (value && _modified)
                        {
                            {|SW3001:_modified = false;|}
                            File.WriteAllText("doc.txt", _body);
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task A_call_to_a_reset_only_method_is_a_reset()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class Ledger
            {
                private bool _dirty;
                private int _unsavedEntries;
                private string _entries = "";

                public void Add(string entry) { _entries += entry; _dirty = true; _unsavedEntries++; }

                private void MarkClean()
                {
                    _dirty = false;
                    _unsavedEntries = 0;
                }

                public void Save()
                {
                    if (!_dirty) return;
                    {|SW3001:MarkClean();|}
                    File.WriteAllText("ledger.txt", _entries);
                }
            }
            """);

    // ---------------------------------------------------------------- reported: what a save is

    [Fact]
    public Task Every_kind_of_save_is_recognized()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using SafeWrites;

            namespace Microsoft.EntityFrameworkCore
            {
                public class DbContext
                {
                    public virtual int SaveChanges() => 0;
                    public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);
                }
            }

            public interface IStateStore { void Persist(string state); }

            public sealed class Everything
            {
                private bool _a, _b, _c, _d, _e, _f, _g, _h;
                private string _state = "";
                private readonly Microsoft.EntityFrameworkCore.DbContext _db = new();
                private readonly IStateStore _store = null!;
                private readonly Func<Task> _saveCallback = () => Task.CompletedTask;

                public void Touch(string s) { _state = s; _a = _b = _c = _d = _e = _f = _g = _h = true; }

                public void Atomic() { if (!_a) return; {|SW3001:_a = false;|} AtomicFile.WriteAllText("a.txt", _state); }

                public void TempThenRename()
                {
                    if (!_b) return;
                    {|SW3001:_b = false;|}
                    File.Move("b.tmp", "b.txt", overwrite: true);
                }

                // rules.md (issue 12): a write to a stream handed in is not one of the file writes SW1001/SW1002
                // watch (it may be a log kept open); the opener that truncates the file is the save.
                public void StreamWrite(FileStream stream, byte[] bytes)
                {
                    if (!_c) return;
                    _c = false;
                    stream.Write(bytes, 0, bytes.Length);
                }

                public void StreamOpen(byte[] bytes)
                {
                    if (!_c) return;
                    {|SW3001:_c = false;|}
                    using var stream = new FileStream("c.bin", FileMode.Create);
                    stream.Write(bytes, 0, bytes.Length);
                }

                public async Task Database()
                {
                    if (!_d) return;
                    {|SW3001:_d = false;|}
                    await _db.SaveChangesAsync();
                }

                public void Interface()
                {
                    if (!_e) return;
                    {|SW3001:_e = false;|}
                    _store.Persist(_state);
                }

                public async Task Callback()
                {
                    if (!_f) return;
                    {|SW3001:_f = false;|}
                    await _saveCallback();
                }

                public void ConditionalCallback(Action? onSave)
                {
                    if (!_f) return;
                    {|SW3001:_f = false;|}
                    onSave?.Invoke();
                }

                public void Transitive()
                {
                    if (!_g) return;
                    {|SW3001:_g = false;|}
                    Sync();
                }

                // rules.md (issue 12): appends to logs are not saves.
                public void Append()
                {
                    if (!_h) return;
                    _h = false;
                    File.AppendAllText("h.log", _state);
                }

                private void Sync() => Emit(_state);

                private static void Emit(string text) => Dump("state.txt", text);

                private static void Dump(string path, string text)
                {
                    using var writer = new StreamWriter(path);
                    writer.Write(text);
                }
            }
            """);

    [Fact]
    public Task A_save_in_a_method_of_another_file_is_found()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    public sealed partial class Board
                    {
                        private bool _dirty;

                        public void Move() { _dirty = true; }

                        public void Store()
                        {
                            if (!_dirty) return;
                            {|SW3001:_dirty = false;|}
                            Export();
                        }
                    }
                    """,
                    """
                    using System.IO;

                    public sealed partial class Board
                    {
                        private void Export() => File.WriteAllText("board.txt", "…");
                    }
                    """,
                },
            },
        };
        return test.RunAsync();
    }

    // ---------------------------------------------------------------- not reported

    [Fact]
    public Task Reset_after_the_save_inside_the_try_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public sealed class Journal
            {
                private bool _isDirty;
                private string _text = "";

                public void Write(string text) { _text = text; _isDirty = true; }

                public bool Save()
                {
                    if (!_isDirty) return true;
                    try
                    {
                        File.WriteAllText("journal.txt", _text);
                        _isDirty = false;
                        return true;
                    }
                    catch (Exception e)
                    {
                        Console.Error.WriteLine(e);
                        return false;
                    }
                }

                public void SaveAndReset()
                {
                    File.WriteAllText("journal.txt", _text);
                    _isDirty = false;
                }
            }
            """);

    [Fact]
    public Task Optimistic_clear_restored_by_the_catch_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            public sealed class Outbox
            {
                private bool _dirty;
                private List<string> _pending = new();

                public void Post(string message) { _pending.Add(message); _dirty = true; }

                public void Flush()
                {
                    if (!_dirty) return;
                    var batch = _pending;
                    _dirty = false;
                    _pending = new();
                    try
                    {
                        File.AppendAllLines("outbox.txt", batch);
                    }
                    catch
                    {
                        _dirty = true;
                        _pending.AddRange(batch);
                        throw;
                    }
                }
            }
            """);

    [Fact]
    public Task Reset_after_a_try_whose_catch_rethrows_or_returns_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public sealed class Catalog
            {
                private bool _dirty;
                private int _changes;
                private string _items = "";

                public void Add(string item) { _items += item; _dirty = true; _changes++; }

                public void Save()
                {
                    if (!_dirty) return;
                    try
                    {
                        File.WriteAllText("catalog.txt", _items);
                    }
                    catch (IOException e)
                    {
                        throw new InvalidOperationException("could not save the catalog", e);
                    }

                    _dirty = false;
                }

                public bool TrySave()
                {
                    if (_changes == 0) return true;
                    try
                    {
                        File.WriteAllText("catalog.txt", _items);
                    }
                    catch (IOException)
                    {
                        return false;
                    }

                    _changes = 0;
                    return true;
                }
            }
            """);

    [Fact]
    public Task Methods_without_a_save_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public sealed class Editor
            {
                private bool _isDirty;
                private string _text = "";

                public void Type(string text) { _text = text; _isDirty = true; }

                public void Revert()
                {
                    if (!_isDirty) return;
                    _isDirty = false;
                    _text = "";
                    Console.WriteLine("Reverted");
                }

                public bool CanSave() => _isDirty;

                public void NewDocument()
                {
                    _isDirty = false;
                    if (CanSave()) Console.WriteLine("unreachable");
                }

                public void Save()
                {
                    if (_isDirty) File.WriteAllText("editor.txt", _text);
                    _isDirty = false;
                }
            }
            """);

    [Fact]
    public Task Unrelated_resets_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public sealed class Exporter
            {
                private int _resetCount;
                private string? _lastError;
                private int _cursor;
                private Exporter? _other;
                private bool _dirty;
                private string _rows = "";

                public string? LastError => _lastError;
                public string StatusText { get; set; } = "";

                public void Change(string rows) { _rows = rows; _dirty = true; _cursor = rows.Length; }

                public void Export()
                {
                    for (var i = 0; i < 3; i++)
                    {
                        Console.WriteLine(i);
                    }

                    var attempts = 0;
                    attempts = 0;
                    _resetCount = 0;
                    _lastError = null;
                    StatusText = "";
                    _cursor = 0;
                    if (_other is not null)
                    {
                        _other._dirty = false;
                    }

                    try
                    {
                        File.WriteAllText("rows.csv", _rows);
                        StatusText = "Saved";
                    }
                    catch (IOException e)
                    {
                        _lastError = e.Message;
                        Console.WriteLine(attempts);
                    }
                }
            }
            """);

    // From public code (GitHub corpus, a queue logger): a constructor sets up its buffer, then creates the log file.
    // Nothing is pending before the object exists; a handler the constructor registers is a body of its own.
    // rules.md (issue 12): appends are not saves; the batch is written whole here.
    [Fact]
    public Task Initialization_in_a_constructor_is_not_reported_but_a_handler_it_registers_is()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;

            public sealed class QueueLogger
            {
                private readonly string _logPath;
                private List<string> _queue;
                private bool _dirty;

                public QueueLogger(string logPath, Action<Action> onTick)
                {
                    _logPath = logPath;
                    _queue = new List<string>();
                    _dirty = false;
                    File.Create(_logPath).Dispose();
                    onTick(() =>
                    {
                        var lines = _queue;
                        {|SW3001:_queue = new List<string>();|}
                        File.WriteAllLines(_logPath, lines);
                    });
                }

                public void Log(string line) { _queue.Add(line); _dirty = true; }

                public bool HasPending => _dirty || _queue.Count > 0;
            }
            """);

    [Fact]
    public Task Busy_flags_around_the_save_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            public sealed class BackgroundSaver
            {
                private bool _isSaving;
                private bool _isDirty;
                private string _content = "";

                public void Change(string content) { _content = content; _isDirty = true; }

                public async Task TickAsync()
                {
                    if (_isSaving || !_isDirty) return;
                    _isSaving = true;
                    try
                    {
                        await File.WriteAllTextAsync("content.txt", _content);
                        _isDirty = false;
                    }
                    catch (Exception e)
                    {
                        Console.Error.WriteLine(e);
                    }
                    finally
                    {
                        _isSaving = false;
                    }
                }
            }
            """);

    [Fact]
    public Task Exits_between_reset_and_save_and_other_bodies_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public sealed class Gallery
            {
                private bool _dirty;
                private string _index = "";

                public event EventHandler? Closed;

                public void Change(string index) { _index = index; _dirty = true; }

                public void Close(bool discard)
                {
                    if (discard)
                    {
                        _dirty = false;
                        return;
                    }

                    Closed += (s, e) => { _dirty = false; };
                    if (_dirty) File.WriteAllText("index.txt", _index);
                }
            }
            """);

    // rules.md (issue 12): appends are not saves; the batch is written whole here.
    [Fact]
    public Task Batch_taken_with_Interlocked_Exchange_before_the_write_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;

            public sealed class MetricsSink
            {
                private List<string> _batch = new();
                private string? _snapshot;

                public void Add(string metric) { lock (_batch) _batch.Add(metric); _snapshot = metric; }

                public void Flush()
                {
                    {|SW3001:var toWrite = Interlocked.Exchange(ref _batch, new List<string>());|}
                    File.WriteAllLines("metrics.log", toWrite);
                }

                public void FlushSnapshot()
                {
                    string? last;
                    {|SW3001:last = Interlocked.Exchange(ref _snapshot, null);|}
                    if (last is not null) File.WriteAllText("last.txt", last);
                }
            }
            """);

    [Fact]
    public Task Counter_taken_with_Interlocked_Exchange_in_an_if_condition_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;

            public sealed class HitCounter
            {
                private int _pending;
                private long _total;

                public void Hit() { Interlocked.Increment(ref _pending); Interlocked.Increment(ref _total); }

                public void Tick()
                {
                    {|SW3001:if (Interlocked.Exchange(ref _pending, 0) > 0)|}
                    {
                        File.WriteAllText("hits.txt", Interlocked.Read(ref _total).ToString());
                    }
                }
            }
            """);

    [Fact]
    public Task An_elapsed_time_accumulator_is_a_clock_not_a_marker()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class AutoSaveClock
            {
                private const float Interval = 60f;
                private float _elapsed;
                private double _sinceBackup;
                private string _world = "";

                public void Edit(string world) => _world = world;

                public void Update(float deltaTime)
                {
                    _elapsed += deltaTime;
                    _sinceBackup += deltaTime;
                    if (_elapsed >= Interval)
                    {
                        _elapsed = 0f;
                        File.WriteAllText("world.sav", _world);
                    }

                    if (_sinceBackup > 3600)
                    {
                        _sinceBackup = 0;
                        File.Copy("world.sav", "world.bak", overwrite: true);
                        File.AppendAllText("backups.log", "backup\n");
                    }
                }
            }
            """);

    [Fact]
    public Task Flags_that_stop_the_save_when_raised_are_not_markers()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;

            public sealed class Exporter
            {
                private volatile bool _cancelRequested;
                private bool _suppressAutosave;
                private bool _dirty;
                private readonly string[] _rows = new string[100];

                public void Cancel() => _cancelRequested = true;

                public void Change(int i, string row) { _rows[i] = row; _dirty = true; }

                public async Task ExportAsync(string path)
                {
                    _cancelRequested = false;
                    using var writer = new StreamWriter(path);
                    var i = 0;
                    while (!_cancelRequested && i < _rows.Length)
                    {
                        await writer.WriteLineAsync(_rows[i++]);
                    }
                }

                public void Import(string[] rows)
                {
                    _suppressAutosave = true;
                    rows.CopyTo(_rows, 0);
                    _suppressAutosave = false;
                    Autosave();
                }

                private void Autosave()
                {
                    if (_suppressAutosave || !_dirty) return;
                    File.WriteAllLines("rows.txt", _rows);
                    _dirty = false;
                }
            }
            """);

    [Fact]
    public Task A_clear_that_the_save_then_persists_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json;

            public sealed class RecentFiles
            {
                private readonly List<string> _recent = new();
                private string _lastSearch = "";

                public void Open(string path, string search)
                {
                    _recent.Insert(0, path);
                    _lastSearch = search;
                    if (_recent.Count > 0) SaveRecent();
                }

                public void ClearHistory()
                {
                    _recent.Clear();
                    _lastSearch = string.Empty;
                    SaveRecent();
                }

                private void SaveRecent() => Write(JsonSerializer.Serialize(new { Files = _recent, Search = _lastSearch }));

                private static void Write(string json) => File.WriteAllText("recent.json", json);
            }
            """);

    [Fact]
    public Task A_template_save_hook_is_a_save()
        => Verify.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;

            public abstract class EditorViewModelBase
            {
                public bool IsDirty { get; set; }

                public async Task SaveAsync()
                {
                    if (!IsDirty) return;
                    {|SW3001:IsDirty = false;|}
                    await OnSaveAsync();
                }

                protected abstract Task OnSaveAsync();
            }
            """);

    [Fact]
    public Task Reset_before_the_save_in_a_switch_section_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class CommandHandler
            {
                private bool _dirty;
                private string _doc = "";

                public void Type(string text) { _doc += text; _dirty = true; }

                public void Handle(string command)
                {
                    switch (command)
                    {
                        case "save":
                            if (!_dirty) break;
                            {|SW3001:_dirty = false;|}
                            File.WriteAllText("doc.txt", _doc);
                            break;
                        case "discard":
                            _dirty = false;
                            break;
                    }
                }
            }
            """);

    [Fact]
    public Task A_retry_counter_compared_with_its_limit_is_not_a_marker()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            public static class SaveScheduler
            {
                private const int MaxRetries = 10;
                private static int retryCount;
                private static string data = "";

                private static async void AutoSaveAsync(int delaySeconds)
                {
                    await Task.Delay(TimeSpan.FromSeconds(delaySeconds));
                    var success = await SaveAllAsync();
                    if (success)
                    {
                        retryCount = 0;
                        AutoSaveAsync(300);
                    }
                    else
                    {
                        if (retryCount == MaxRetries)
                        {
                            retryCount = 0;
                            AutoSaveAsync(300);
                            return;
                        }

                        retryCount++;
                        AutoSaveAsync(2);
                    }
                }

                private static async Task<bool> SaveAllAsync()
                {
                    try { await File.WriteAllTextAsync("all.txt", data); return true; }
                    catch (IOException) { return false; }
                }
            }
            """);

    [Fact]
    public Task A_reset_after_the_save_followed_by_a_log_write_is_not_reported_but_a_save_in_an_exiting_branch_does_not_count()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public static class FileLogger
            {
                public static void Log(string line) => File.AppendAllText("app.log", DateTime.Now + " " + line + Environment.NewLine);
            }

            public sealed class Profile
            {
                private bool _isDirty;
                private string _json = "{}";

                public void Set(string json) { _json = json; _isDirty = true; }

                public void Save()
                {
                    if (!_isDirty) return;
                    File.WriteAllText("profile.json", _json);
                    _isDirty = false;
                    FileLogger.Log("profile saved");
                }

                public void SaveTo(string? path)
                {
                    if (path is null)
                    {
                        Save();
                        return;
                    }

                    {|SW3001:_isDirty = false;|}
                    File.WriteAllText(path, _json);
                }
            }
            """);
}
