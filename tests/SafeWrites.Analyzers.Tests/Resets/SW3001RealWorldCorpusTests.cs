using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Resets;
using SafeWrites.Analyzers.Tests.Verifiers;
using Xunit;
using Xunit.Abstractions;

namespace SafeWrites.Analyzers.Tests.Resets;

/// <summary>
/// Precision and recall of SW3001 on a corpus of save code in the shapes found in public repositories (autosave
/// services, dirty flags in editors and games, log buffers, EF Core view models, coalescing savers), rewritten
/// in our own words. Every reset of a field or property is labelled by hand, before running the analyzer:
/// <c>// BUG</c> when a failed save loses the pending changes, <c>// OK</c> otherwise. Some cases are known
/// misses or false alarms of the rule's contract; they stay in, so the numbers are honest.
/// </summary>
public class SW3001RealWorldCorpusTests
{
    private readonly ITestOutputHelper _output;

    public SW3001RealWorldCorpusTests(ITestOutputHelper output) => _output = output;

    private const string EfStubs = """
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContext
            {
                public virtual int SaveChanges() => 0;
                public virtual System.Threading.Tasks.Task<int> SaveChangesAsync(System.Threading.CancellationToken cancellationToken = default) => System.Threading.Tasks.Task.FromResult(0);
            }

            public class DbUpdateException : System.Exception { }
        }
        """;

    private static readonly (string Name, string Source)[] Corpus =
    {
        ("game save container polled every frame", """
            using System.IO;
            public class SaveContainer
            {
                public static bool IsDirty;
                public static string Data = "{}";
                string SavePath => "player.json";
                void Update()
                {
                    if (IsDirty)
                    {
                        IsDirty = false; // BUG
                        SavePlayerData();
                    }
                }
                public void SavePlayerData() => File.WriteAllText(SavePath, Data);
            }
            """),

        ("editor timer starts the save on a worker", """
            using System.IO;
            using System.Threading.Tasks;
            public class EditorForm
            {
                private bool needSave;
                private readonly object locker = new object();
                private string text = "";
                private void Timer_Tick(object sender, System.EventArgs e)
                {
                    if (needSave)
                    {
                        needSave = false; // BUG
                        Task.Run(() => Save());
                    }
                }
                private void Save() { lock (locker) { File.WriteAllText("test.txt", text); } }
                private void TextBox_TextChanged(object sender, System.EventArgs e) { text = "x"; needSave = true; }
            }
            """),

        ("settings window save and revert buttons", """
            using System.IO;
            using System.Text.Json;
            public class SettingsWindow
            {
                private bool isDirty;
                private string[] locations = new string[0];
                public void AddLocation(string l) { locations = new[] { l }; isDirty = true; }
                private void Revert_Click(object sender, System.EventArgs e)
                {
                    if (!isDirty) return;
                    isDirty = false; // OK
                    LoadDefaults();
                }
                private void Save_Click(object sender, System.EventArgs e)
                {
                    if (!isDirty) return;
                    isDirty = false; // BUG
                    SaveSettings();
                    UpdateTargets();
                }
                private void LoadDefaults() { locations = new string[0]; }
                private void SaveSettings() => File.WriteAllText("settings.json", JsonSerializer.Serialize(locations));
                private void UpdateTargets() { }
            }
            """),

        ("timer autosave service with a save callback", """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            public class AutoSaveService : IDisposable
            {
                private Timer? _autoSaveTimer;
                private Func<Task>? _saveCallback;
                private bool _isDirty;
                private bool _isActive;
                private bool _isSaving;
                private DateTime? _lastSavedAt;
                public bool IsDirty { get => _isDirty; set => _isDirty = value; }
                public void StartAutoSave(Func<Task> saveCallback, int seconds)
                {
                    StopAutoSave();
                    _saveCallback = saveCallback;
                    _isActive = true;
                    _autoSaveTimer = new Timer(OnElapsed, null, seconds * 1000, seconds * 1000);
                }
                public void StopAutoSave()
                {
                    _autoSaveTimer?.Dispose();
                    _autoSaveTimer = null; // OK
                    _isActive = false; // OK
                    _saveCallback = null; // OK
                }
                private void OnElapsed(object? state)
                {
                    _ = Task.Run(async () =>
                    {
                        if (_isDirty && !_isSaving) await PerformSaveAsync();
                    });
                }
                private async Task PerformSaveAsync()
                {
                    if (_saveCallback == null || _isSaving) return;
                    try
                    {
                        _isSaving = true;
                        await _saveCallback();
                        _isDirty = false; // OK
                        _lastSavedAt = DateTime.UtcNow;
                    }
                    catch (Exception ex)
                    {
                        Console.Error.WriteLine(ex);
                    }
                    finally
                    {
                        _isSaving = false; // OK
                    }
                }
                public void Dispose() => StopAutoSave();
            }
            """),

        ("web autosave tick with events", """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            public class CvAutoSave : IDisposable
            {
                private Timer? _timer;
                private Func<Task>? _saveCallback;
                private bool _isSaving;
                private bool _isDirty;
                public event Action? OnSaveStarted;
                public event Action<string>? OnSaveFailed;
                public void Start(Func<Task> cb) { Stop(); _saveCallback = cb; _timer = new Timer(async _ => await TickAsync(), null, 5000, 5000); }
                public void Stop() { _timer?.Dispose(); _timer = null; /* OK */ }
                public void MarkDirty() => _isDirty = true;
                private async Task TickAsync()
                {
                    if (_isSaving || !_isDirty || _saveCallback == null) return;
                    _isSaving = true;
                    try
                    {
                        OnSaveStarted?.Invoke();
                        await _saveCallback.Invoke();
                        _isDirty = false; // OK
                    }
                    catch (Exception ex)
                    {
                        OnSaveFailed?.Invoke(ex.Message);
                    }
                    finally
                    {
                        _isSaving = false; // OK
                    }
                }
                public void Dispose() => Stop();
            }
            """),

        ("document tab that retries a failed save", """
            using System;
            using System.IO;
            public static class DocxCodec { public static void Save(string path, string doc) => File.WriteAllText(path, doc); }
            public class DocumentTab
            {
                public bool IsDirty { get; private set; }
                public string SaveStatus { get; private set; } = "";
                public string FilePath { get; } = "doc.docx";
                private string _document = "";
                private bool _disposed;
                public void MarkChanged(string doc) { _document = doc; IsDirty = true; SaveStatus = "Editing"; }
                public bool Save()
                {
                    if (_disposed) return true;
                    try
                    {
                        DocxCodec.Save(FilePath, _document);
                        IsDirty = false; // OK
                        SaveStatus = "Saved";
                        return true;
                    }
                    catch (Exception ex)
                    {
                        Console.Error.WriteLine(ex);
                        SaveStatus = "Couldn't save, will retry";
                        return false;
                    }
                }
                public bool Flush() => !IsDirty || Save();
            }
            """),

        ("notebook app that closes the document after saving", """
            using System;
            using System.IO;
            public class NotebookWindow
            {
                private string? _currentDocument;
                private string? _currentPath;
                private bool _isDirty;
                private string _status = "";
                public void Edit(string text) { _currentDocument = text; _currentPath ??= "note.txt"; _isDirty = true; }
                private void BackToHome() { SaveCurrentDocument(); _currentDocument = null; /* OK */ _currentPath = null; /* OK */ }
                private void SaveCurrentDocument()
                {
                    if (_currentDocument is null || _currentPath is null) return;
                    try
                    {
                        File.WriteAllText(_currentPath, _currentDocument);
                        _isDirty = false; // OK
                        _status = "Saved";
                    }
                    catch (IOException e)
                    {
                        _status = "Error: " + e.Message;
                    }
                }
            }
            """),

        ("list buffer flushed after the append", """
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;
            class LogBuffer
            {
                private readonly List<string> myListToFile = new List<string>();
                private readonly Mutex mt = new Mutex();
                private readonly string path = "List.txt";
                public void Add(string item) { myListToFile.Add(item); if (myListToFile.Count >= 10) SaveToFile(); }
                private void SaveToFile()
                {
                    mt.WaitOne();
                    if (myListToFile.Count != 0)
                    {
                        File.AppendAllLines(path, myListToFile);
                        myListToFile.Clear(); // OK
                    }
                    mt.ReleaseMutex();
                }
            }
            """),

        ("log buffer cleared before the append", """
            using System.Collections.Generic;
            using System.IO;
            public sealed class FileLog
            {
                private static readonly object Gate = new object();
                private static readonly List<string> Buffer = new List<string>();
                public static string LogPath = "unity.txt";
                public static void Log(string line) { lock (Gate) { Buffer.Add(line); if (Buffer.Count > 100) FlushBuffer(); } }
                public static void FlushBuffer()
                {
                    lock (Gate)
                    {
                        var lines = Buffer.ToArray();
                        Buffer.Clear(); // OK: an append to a log is not a save (rules.md since issue 12; was BUG)
                        File.AppendAllLines(LogPath, lines);
                    }
                }
            }
            """),

        ("schedule editor commits then clears its flag", """
            using System;
            public class ScheduleEditor
            {
                private bool _isDirty;
                private readonly Action? _onSaveCallback;
                private string _shared = "";
                public ScheduleEditor(Action cb) => _onSaveCallback = cb;
                public void Change(string s) { _shared = s; _isDirty = true; }
                private void CommitChangesToSharedState() { _shared = _shared.Trim(); }
                private void DoSave()
                {
                    if (!_isDirty) return;
                    CommitChangesToSharedState();
                    _onSaveCallback?.Invoke();
                    _isDirty = false; // OK
                }
            }
            """),

        ("web app modification-count autosave", """
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Threading.Tasks;
            using SafeWrites;
            public class WorkspaceSession
            {
                private const int AutosaveEvery = 20;
                private readonly Dictionary<string, string> _cells = new();
                private int _modificationCount;
                public async Task SetCellAsync(string key, string value)
                {
                    _cells[key] = value;
                    _modificationCount++;
                    if (_modificationCount >= AutosaveEvery)
                    {
                        _modificationCount = 0; // BUG
                        await PersistAsync();
                    }
                }
                private Task PersistAsync() => AtomicFile.WriteJsonAsync("workspace.json", _cells);
            }
            """),

        ("coalescing saver of dismissed notifications", """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;
            public class DismissedNotifications
            {
                private readonly HashSet<string> _dismissedIds = new();
                private bool _isSaving;
                private bool _needsSave;
                public async Task DismissAsync(string id) { _dismissedIds.Add(id); await SaveDismissedIdsAsync(); }
                private async Task SaveDismissedIdsAsync()
                {
                    if (_isSaving) { _needsSave = true; return; }
                    _isSaving = true;
                    _needsSave = false; // BUG
                    try
                    {
                        await File.WriteAllTextAsync("dismissed.json", JsonSerializer.Serialize(_dismissedIds));
                    }
                    catch (Exception e)
                    {
                        Console.WriteLine("could not save dismissed ids: " + e.Message);
                    }
                    finally
                    {
                        _isSaving = false; // OK
                        if (_needsSave) await SaveDismissedIdsAsync();
                    }
                }
            }
            """),

        ("EF Core view model with busy flag", """
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;
            public class CustomerViewModel
            {
                private readonly DbContext _db = new DbContext();
                public bool IsBusy { get; set; }
                public bool HasChanges { get; set; }
                public string? Error { get; set; }
                public async Task SaveAsync()
                {
                    if (!HasChanges || IsBusy) return;
                    IsBusy = true;
                    Error = null; // OK
                    try
                    {
                        await _db.SaveChangesAsync();
                        HasChanges = false; // OK
                    }
                    catch (DbUpdateException e)
                    {
                        Error = e.Message;
                    }
                    finally
                    {
                        IsBusy = false; // OK
                    }
                }
            }
            """),

        ("EF Core save on closing", """
            using Microsoft.EntityFrameworkCore;
            public class OrdersWindow
            {
                private readonly DbContext _db = new DbContext();
                public bool HasChanges { get; set; }
                public void OnClosing()
                {
                    if (HasChanges)
                    {
                        HasChanges = false; // BUG
                        _db.SaveChanges();
                    }
                }
            }
            """),

        ("unit of work drains its pending operations", """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            public interface IConnection { Task ExecuteAsync(string sql); }
            public class UnitOfWork
            {
                private readonly List<string> _pending = new();
                private readonly IConnection _connection;
                public UnitOfWork(IConnection connection) => _connection = connection;
                public void Enqueue(string sql) => _pending.Add(sql);
                public async Task CompleteAsync()
                {
                    var statements = _pending.ToList();
                    _pending.Clear(); // BUG
                    foreach (var sql in statements) await _connection.ExecuteAsync(sql);
                }
            }
            """),

        ("settings object saved on demand", """
            using System.IO;
            using System.Text.Json;
            public class UserSettings
            {
                private int _volume;
                private bool _changed;
                private readonly string _path = "user.json";
                public int Volume { get => _volume; set { _volume = value; _changed = true; } }
                public void Save()
                {
                    if (!_changed) return;
                    _changed = false; // BUG
                    var json = JsonSerializer.Serialize(new { Volume = _volume });
                    File.WriteAllText(_path, json);
                }
            }
            """),

        ("state written atomically but flag cleared in finally", """
            using SafeWrites;
            public class CheckpointStore
            {
                private bool _changed;
                private int[] _state = new int[0];
                public void Update(int[] state) { _state = state; _changed = true; }
                public void Checkpoint()
                {
                    if (!_changed) return;
                    try
                    {
                        AtomicFile.WriteJson("checkpoint.json", _state);
                    }
                    finally
                    {
                        _changed = false; // BUG
                    }
                }
            }
            """),

        ("exporter that logs and forgets a failed write", """
            using System;
            using System.IO;
            public class ReportQueue
            {
                private int _unsavedCount;
                private string _rows = "";
                public void AddRow(string row) { _rows += row; _unsavedCount++; }
                public void Flush()
                {
                    if (_unsavedCount == 0) return;
                    try
                    {
                        Write();
                    }
                    catch (IOException ex)
                    {
                        Console.Error.WriteLine(ex.Message);
                    }
                    _unsavedCount = 0; // BUG
                }
                private void Write() => File.WriteAllText("report.csv", _rows);
            }
            """),

        ("exporter that rethrows", """
            using System;
            using System.IO;
            public class ReportQueue2
            {
                private int _unsavedCount;
                private string _rows = "";
                public void AddRow(string row) { _rows += row; _unsavedCount++; }
                public void Flush()
                {
                    if (_unsavedCount == 0) return;
                    try
                    {
                        File.WriteAllText("report.csv", _rows);
                    }
                    catch (IOException ex)
                    {
                        Console.Error.WriteLine(ex.Message);
                        throw;
                    }
                    _unsavedCount = 0; // OK
                }
            }
            """),

        ("outbox that puts the batch back on failure", """
            using System.Collections.Generic;
            using System.IO;
            public class Outbox
            {
                private List<string> _pending = new();
                public void Post(string m) => _pending.Add(m);
                public void Flush()
                {
                    if (_pending.Count == 0) return;
                    var batch = _pending;
                    _pending = new List<string>(); // OK
                    try
                    {
                        File.AppendAllLines("outbox.txt", batch);
                    }
                    catch
                    {
                        _pending.InsertRange(0, batch);
                        throw;
                    }
                }
            }
            """),

        ("rolling file logger", """
            using System.IO;
            public class RollingLog
            {
                private long _bytesWritten;
                private const long MaxBytes = 1_000_000;
                private readonly string _path = "app.log";
                public void Write(string line)
                {
                    File.AppendAllText(_path, line);
                    _bytesWritten += line.Length;
                    if (_bytesWritten > MaxBytes)
                    {
                        _bytesWritten = 0; // OK
                        RollOver();
                    }
                }
                private void RollOver() => File.Move(_path, _path + ".1", overwrite: true);
            }
            """),

        ("todo page clears the input before saving", """
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;
            public class TodoPage
            {
                private readonly DbContext _db = new DbContext();
                public string NewTitle { get; set; } = "";
                public async Task AddTodoAsync()
                {
                    if (string.IsNullOrWhiteSpace(NewTitle)) return;
                    var title = NewTitle;
                    NewTitle = string.Empty; // BUG
                    await _db.SaveChangesAsync();
                    System.Console.WriteLine(title);
                }
            }
            """),

        ("game checkpoints saved every third level", """
            using System.IO;
            public class Progress
            {
                private int _checkpointsSinceSave;
                private int _level;
                public void OnLevelComplete()
                {
                    _level++;
                    _checkpointsSinceSave++;
                    if (_checkpointsSinceSave >= 3)
                    {
                        SaveGame();
                        _checkpointsSinceSave = 0; // OK
                    }
                }
                private void SaveGame() => File.WriteAllText("progress.txt", _level.ToString());
            }
            """),

        ("config manager saving under a lock", """
            using System.IO;
            public static class ConfigManager
            {
                private static readonly object Sync = new object();
                private static bool _dirty;
                private static string _text = "";
                public static void Set(string t) { lock (Sync) { _text = t; _dirty = true; } }
                public static void Save()
                {
                    lock (Sync)
                    {
                        if (!_dirty) return;
                        File.WriteAllText("config.ini", _text);
                        _dirty = false; // OK
                    }
                }
            }
            """),

        ("window closing handler saves", """
            using System;
            using System.IO;
            public class MainWindowModel
            {
                private bool _dirty;
                private string _layout = "";
                public event EventHandler? Closing;
                public MainWindowModel()
                {
                    Closing += (s, e) =>
                    {
                        if (_dirty)
                        {
                            _dirty = false; // BUG
                            SaveNow();
                        }
                    };
                }
                public void Move(string layout) { _layout = layout; _dirty = true; }
                private void SaveNow() => File.WriteAllText("layout.xml", _layout);
            }
            """),

        ("notes property autosaves every twenty edits", """
            using System.IO;
            public class Notebook
            {
                private string _notes = "";
                private int _pendingEdits;
                public string Notes
                {
                    get => _notes;
                    set
                    {
                        _notes = value;
                        _pendingEdits++;
                        if (_pendingEdits > 20)
                        {
                            _pendingEdits = 0; // BUG
                            Persist();
                        }
                    }
                }
                private void Persist() => File.WriteAllText("notes.md", _notes);
            }
            """),

        ("import wizard resets its own UI state", """
            using System;
            using System.IO;
            public class ImportWizard
            {
                private int _selectedIndex;
                private string? _lastError;
                private string _csv = "";
                public int SelectedIndex => _selectedIndex;
                public string? LastError => _lastError;
                public void Select(int i) { _selectedIndex = i; }
                public void Load(string csv) { _csv = csv; }
                public void Finish()
                {
                    _selectedIndex = 0; // OK
                    _lastError = null; // OK
                    try
                    {
                        File.WriteAllText("import.csv", _csv);
                    }
                    catch (IOException e)
                    {
                        _lastError = e.Message;
                    }
                }
            }
            """),

        ("cache of dirty keys written one by one", """
            using System;
            using System.Collections.Generic;
            using System.IO;
            public class DiskCache
            {
                private readonly Dictionary<string, string> _entries = new();
                private readonly HashSet<string> _dirtyKeys = new();
                public void Put(string key, string value) { _entries[key] = value; _dirtyKeys.Add(key); }
                public void FlushAll()
                {
                    foreach (var key in _dirtyKeys) WriteEntry(key);
                    _dirtyKeys.Clear(); // OK
                }
                public void FlushBestEffort()
                {
                    foreach (var key in _dirtyKeys)
                    {
                        try { WriteEntry(key); }
                        catch (IOException e) { Console.Error.WriteLine(e.Message); }
                    }
                    _dirtyKeys.Clear(); // BUG
                }
                private void WriteEntry(string key) => File.WriteAllText(key + ".cache", _entries[key]);
            }
            """),

        ("document store behind an interface", """
            using System.Threading.Tasks;
            public interface IDocumentStore { Task SaveAsync(string document); }
            public class InvoiceEditor
            {
                private readonly IDocumentStore _store;
                public InvoiceEditor(IDocumentStore store) => _store = store;
                public bool IsModified { get; private set; }
                public string Document { get; private set; } = "";
                public void Edit(string d) { Document = d; IsModified = true; }
                public async Task SaveAsync()
                {
                    if (!IsModified) return;
                    IsModified = false; // BUG
                    await _store.SaveAsync(Document);
                }
            }
            """),

        ("buffered writer flushing to disk", """
            using System.IO;
            public sealed class BufferedRecorder : System.IDisposable
            {
                private readonly FileStream _stream = new FileStream("rec.bin", FileMode.Append);
                private int _pendingBytes;
                public void Record(byte[] data)
                {
                    _stream.Write(data, 0, data.Length);
                    _pendingBytes += data.Length;
                    if (_pendingBytes > 65536) Flush();
                }
                public void Flush()
                {
                    _pendingBytes = 0; // OK: an append to a log is not a save (rules.md since issue 12; was BUG)
                    _stream.Flush(true);
                }
                public void Dispose() => _stream.Dispose();
            }
            """),

        ("save awaited before the flag is cleared", """
            using System.IO;
            using System.Threading.Tasks;
            public class Sketch
            {
                private bool _dirty;
                private string _svg = "";
                public void Draw(string svg) { _svg = svg; _dirty = true; }
                public async Task SaveAsync()
                {
                    if (!_dirty) return;
                    await File.WriteAllTextAsync("sketch.svg", _svg).ConfigureAwait(false);
                    _dirty = false; // OK
                }
            }
            """),

        ("timer callback with finally reset", """
            using System.IO;
            using System.Threading;
            public class Telemetry
            {
                private bool _dirty;
                private string _snapshot = "";
                private readonly Timer _timer;
                public Telemetry() => _timer = new Timer(OnTimer, null, 1000, 1000);
                public void Record(string s) { _snapshot = s; _dirty = true; }
                private void OnTimer(object? state)
                {
                    if (!_dirty) return;
                    try
                    {
                        SaveToDisk();
                    }
                    finally
                    {
                        _dirty = false; // BUG
                    }
                }
                private void SaveToDisk() => File.WriteAllText("telemetry.json", _snapshot);
            }
            """),

        ("export that can be cancelled", """
            using System.IO;
            using System.Threading.Tasks;
            public class Exporter
            {
                private volatile bool _cancelRequested;
                private readonly string[] _rows = new string[100];
                public void Cancel() => _cancelRequested = true;
                public async Task ExportAsync(string path)
                {
                    _cancelRequested = false; // OK
                    using var writer = new StreamWriter(path);
                    var i = 0;
                    while (!_cancelRequested && i < _rows.Length)
                    {
                        await writer.WriteLineAsync(_rows[i++]);
                    }
                }
            }
            """),

        ("swap the batch with Interlocked before writing", """
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;
            public class MetricsSink
            {
                private List<string> _batch = new();
                public void Add(string m) { lock (_batch) _batch.Add(m); }
                public void Flush()
                {
                    var toWrite = Interlocked.Exchange(ref _batch, new List<string>()); // OK: an append to a log is not a save (rules.md since issue 12; was BUG)
                    File.AppendAllLines("metrics.log", toWrite);
                }
            }
            """),

        ("inspector panel that loads without saving", """
            using System;
            public class Inspector
            {
                private bool _isDirty;
                private string _name = "";
                public string Name { get => _name; set { _name = value; _isDirty = true; } }
                public void OnNavigatedTo(string name)
                {
                    _name = name;
                    _isDirty = false; // OK
                    Console.WriteLine("loaded " + name);
                }
                public bool ConfirmDiscard()
                {
                    if (!_isDirty) return true;
                    _isDirty = false; // OK
                    return true;
                }
            }
            """),

        ("profile form saved through a service", """
            using System;
            using System.Threading.Tasks;
            public interface IProfileService { Task UpdateProfileAsync(string name, string email); }
            public class ProfileViewModel
            {
                private readonly IProfileService _service;
                private bool _hasChanges;
                private string _name = "";
                private string _email = "";
                public ProfileViewModel(IProfileService service) => _service = service;
                public string Name { get => _name; set { _name = value; _hasChanges = true; } }
                public string Email { get => _email; set { _email = value; _hasChanges = true; } }
                public async Task SubmitAsync()
                {
                    if (!_hasChanges) return;
                    _hasChanges = false; // BUG
                    await _service.UpdateProfileAsync(_name, _email);
                }
            }
            """),

        ("key-value store with a write-ahead counter", """
            using System;
            using System.IO;
            public class KeyValueFile
            {
                private int _writesSinceCompaction;
                private readonly string _path = "kv.log";
                public void Set(string k, string v)
                {
                    File.AppendAllText(_path, k + "=" + v + "\n");
                    _writesSinceCompaction++;
                    if (_writesSinceCompaction > 1000) Compact();
                }
                private void Compact()
                {
                    var lines = File.ReadAllLines(_path);
                    File.WriteAllLines(_path + ".tmp", lines);
                    File.Move(_path + ".tmp", _path, overwrite: true);
                    _writesSinceCompaction = 0; // OK
                }
            }
            """),
    };


    /// <summary>
    /// A second set, written and labelled after the analyzer was finished and run once without changes: the
    /// out-of-sample measure (the first set was used while building the rule).
    /// </summary>
    private static readonly (string Name, string Source)[] HeldOut =
    {
        ("editor base with an abstract save hook", """
            using System.ComponentModel;
            using System.Threading.Tasks;
            public abstract class EditorViewModelBase
            {
                private bool _isDirty;
                private bool _isSavedMessageVisible;
                public bool IsDirty { get => _isDirty; set { _isDirty = value; } }
                public bool IsSavedMessageVisible { get => _isSavedMessageVisible; set => _isSavedMessageVisible = value; }
                protected void OnModelPropertyChanged(object? sender, PropertyChangedEventArgs e) => IsDirty = true;
                public async Task SaveAsync()
                {
                    if (!IsDirty) return;
                    await OnSaveAsync();
                    IsDirty = false; // OK
                    IsSavedMessageVisible = true;
                    await Task.Delay(2000);
                    IsSavedMessageVisible = false; // OK
                }
                protected abstract Task OnSaveAsync();
            }
            """),

        ("flashcard entry clears its inputs after saving", """
            using System;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;
            public class FlashcardEntryViewModel
            {
                private readonly DbContext _db = new DbContext();
                public string Front { get; set; } = "";
                public string Back { get; set; } = "";
                public event Action<string>? OnValidationError;
                public Task SaveFlashcardAsync()
                {
                    if (string.IsNullOrWhiteSpace(Front) || string.IsNullOrWhiteSpace(Back)) return Task.CompletedTask;
                    var card = (Front, Back);
                    try
                    {
                        _db.SaveChanges();
                        Front = string.Empty; // OK
                        Back = string.Empty; // OK
                    }
                    catch (Exception ex)
                    {
                        OnValidationError?.Invoke(ex.Message + card.Front);
                    }
                    return Task.CompletedTask;
                }
            }
            """),

        ("game saves on quit and on pause", """
            using System.IO;
            public class GameState
            {
                private bool _dirty;
                private int _gold;
                public void AddGold(int g) { _gold += g; _dirty = true; }
                void OnApplicationQuit()
                {
                    if (_dirty)
                    {
                        Save();
                        _dirty = false; // OK
                    }
                }
                void OnApplicationPause(bool paused)
                {
                    if (paused && _dirty)
                    {
                        _dirty = false; // BUG
                        Save();
                    }
                }
                void Save() => File.WriteAllText("state.sav", _gold.ToString());
            }
            """),

        ("debounced saver on a UI timer", """
            using System;
            using System.Timers;
            public sealed class DebouncedSaver : IDisposable
            {
                private readonly Timer _timer = new Timer(700);
                private readonly Action _save;
                private bool _pending;
                public DebouncedSaver(Action save)
                {
                    _save = save;
                    _timer.Elapsed += (s, e) =>
                    {
                        _timer.Stop();
                        _pending = false; // BUG
                        _save();
                    };
                }
                public bool HasPending => _pending;
                public void Queue() { _pending = true; _timer.Stop(); _timer.Start(); }
                public void Flush()
                {
                    if (!_pending) return;
                    _timer.Stop();
                    _pending = false; // BUG
                    _save();
                }
                public void Dispose() => _timer.Dispose();
            }
            """),

        ("settings store behind a semaphore", """
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            public class SettingsStore
            {
                private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
                private readonly string _path = "settings.json";
                private bool _dirty;
                private string _theme = "dark";
                public void SetTheme(string t) { _theme = t; _dirty = true; }
                public async Task FlushAsync()
                {
                    await _gate.WaitAsync();
                    try
                    {
                        if (!_dirty) return;
                        await File.WriteAllTextAsync(_path, JsonSerializer.Serialize(new { Theme = _theme }));
                        _dirty = false; // OK
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
            }
            """),

        ("recent files with a clear command", """
            using System.Collections.Generic;
            using System.IO;
            public class RecentFilesMenu
            {
                private readonly List<string> _recent = new();
                public void Opened(string path) { _recent.Insert(0, path); if (_recent.Count > 10) _recent.RemoveAt(10); SaveRecent(); }
                public void ClearRecent()
                {
                    _recent.Clear(); // OK
                    SaveRecent();
                }
                private void SaveRecent() => File.WriteAllLines("recent.txt", _recent);
            }
            """),

        ("checkout empties the cart before the order is stored", """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;
            public class CheckoutService
            {
                private readonly DbContext _db = new DbContext();
                private readonly List<string> _cart = new();
                public List<List<string>> Orders { get; } = new();
                public void AddToCart(string sku) => _cart.Add(sku);
                public async Task CheckoutAsync()
                {
                    if (_cart.Count == 0) return;
                    Orders.Add(_cart.ToList());
                    _cart.Clear(); // BUG
                    await _db.SaveChangesAsync();
                }
            }
            """),

        ("high score table flushed with a stream writer", """
            using System.Collections.Generic;
            using System.IO;
            public class HighScores
            {
                private readonly List<int> _scores = new();
                private bool _isDirty;
                private readonly string _path = "scores.txt";
                public void Add(int s) { _scores.Add(s); _scores.Sort(); if (_scores.Count > 10) _scores.RemoveAt(0); _isDirty = true; }
                public void Flush()
                {
                    if (!_isDirty) return;
                    _isDirty = false; // BUG
                    using var writer = new StreamWriter(_path);
                    foreach (var s in _scores) writer.WriteLine(s);
                }
            }
            """),

        ("ini writer that shows a message on failure", """
            using System;
            using System.IO;
            public class IniDocument
            {
                public bool Modified { get; private set; }
                private string _text = "";
                public void Set(string key, string value) { _text += key + "=" + value + "\n"; Modified = true; }
                public void Save(string path)
                {
                    if (!Modified) return;
                    try
                    {
                        File.WriteAllText(path, _text);
                    }
                    catch (UnauthorizedAccessException e)
                    {
                        Console.WriteLine("Cannot save: " + e.Message);
                    }
                    Modified = false; // BUG
                }
            }
            """),

        ("document save as", """
            using System.IO;
            public class TextDocument
            {
                public string FilePath { get; private set; } = "untitled.txt";
                public bool IsModified { get; private set; }
                private string _text = "";
                public void Type(string t) { _text += t; IsModified = true; }
                public void SaveAs(string path)
                {
                    FilePath = path;
                    IsModified = false; // BUG
                    Save();
                }
                public void Save() => File.WriteAllText(FilePath, _text);
            }
            """),

        ("metrics counter drained with Interlocked in a condition", """
            using System.IO;
            using System.Threading;
            public class HitCounter
            {
                private int _pending;
                private long _total;
                public void Hit() { Interlocked.Increment(ref _pending); Interlocked.Increment(ref _total); }
                public void Tick()
                {
                    if (Interlocked.Exchange(ref _pending, 0) > 0) // BUG
                    {
                        File.WriteAllText("hits.txt", Interlocked.Read(ref _total).ToString());
                    }
                }
            }
            """),

        ("game autosave on an elapsed-time accumulator", """
            using System.IO;
            public class AutoSaveClock
            {
                private float _elapsed;
                private const float Interval = 60f;
                private string _world = "";
                public void Edit(string w) { _world = w; }
                public void Update(float deltaTime)
                {
                    _elapsed += deltaTime;
                    if (_elapsed >= Interval)
                    {
                        _elapsed = 0f; // OK
                        SaveGame();
                    }
                }
                private void SaveGame() => File.WriteAllText("world.sav", _world);
            }
            """),

        ("repository applies changes and commits a transaction", """
            using System.Collections.Generic;
            using System.Data.Common;
            public class ChangeLog
            {
                private readonly List<string> _changes = new();
                private readonly DbConnection _connection;
                public ChangeLog(DbConnection connection) => _connection = connection;
                public void Record(string sql) => _changes.Add(sql);
                public void Apply()
                {
                    using var transaction = _connection.BeginTransaction();
                    foreach (var sql in _changes)
                    {
                        using var command = _connection.CreateCommand();
                        command.CommandText = sql;
                        command.ExecuteNonQuery();
                    }
                    _changes.Clear(); // BUG
                    transaction.Commit();
                }
            }
            """),

        ("clipboard history persisted after clearing", """
            using System.Collections.Generic;
            using System.Text.Json;
            using SafeWrites;
            public class ClipboardHistory
            {
                private readonly List<string> _items = new();
                public void Add(string text) { _items.Add(text); Persist(); }
                public void ClearAll()
                {
                    _items.Clear(); // OK
                    Persist();
                }
                private void Persist() => AtomicFile.WriteAllText("clips.json", JsonSerializer.Serialize(_items));
            }
            """),

        ("registration form reset button", """
            public class RegistrationForm
            {
                private bool _isDirty;
                public string Name { get; set; } = "";
                public void OnNameChanged(string n) { Name = n; _isDirty = true; }
                public void Reset()
                {
                    Name = "";
                    _isDirty = false; // OK
                }
            }
            """),

        ("async void save button", """
            using System.Threading.Tasks;
            public interface IStorage { Task WriteAsync(string content); }
            public class NoteWindow
            {
                private readonly IStorage _storage;
                private bool _hasUnsavedChanges;
                private string _doc = "";
                public NoteWindow(IStorage storage) => _storage = storage;
                public void OnTextChanged(string t) { _doc = t; _hasUnsavedChanges = true; }
                private async void SaveButton_Click(object sender, System.EventArgs e)
                {
                    if (!_hasUnsavedChanges) return;
                    _hasUnsavedChanges = false; // BUG
                    UpdateTitle();
                    await _storage.WriteAsync(_doc);
                }
                private void UpdateTitle() { }
            }
            """),

        ("app settings class saved like Properties.Settings", """
            using System.IO;
            public sealed class AppSettings
            {
                public static AppSettings Default { get; } = new AppSettings();
                public int Zoom { get; set; } = 100;
                public void Save() => File.WriteAllText("app.settings", Zoom.ToString());
            }
            public class ZoomController
            {
                private bool _settingsChanged;
                public void ZoomIn() { AppSettings.Default.Zoom += 10; _settingsChanged = true; }
                public void OnClosed()
                {
                    if (!_settingsChanged) return;
                    _settingsChanged = false; // BUG
                    AppSettings.Default.Save();
                }
            }
            """),

        ("dirty documents saved in a try with a finally clear", """
            using System.Collections.Generic;
            using System.IO;
            public class Workspace
            {
                private readonly HashSet<string> _dirtyDocs = new();
                private readonly Dictionary<string, string> _texts = new();
                public void Edit(string doc, string text) { _texts[doc] = text; _dirtyDocs.Add(doc); }
                public void SaveAll()
                {
                    try
                    {
                        foreach (var doc in _dirtyDocs) File.WriteAllText(doc, _texts[doc]);
                    }
                    finally
                    {
                        _dirtyDocs.Clear(); // BUG
                    }
                }
            }
            """),

        ("cache reload logs a line", """
            using System.Collections.Generic;
            using System.IO;
            public class TemplateCache
            {
                private readonly Dictionary<string, string> _cache = new();
                public string Get(string name)
                {
                    if (!_cache.TryGetValue(name, out var text))
                    {
                        text = File.ReadAllText(name);
                        _cache[name] = text;
                    }
                    return text;
                }
                public void Reload()
                {
                    _cache.Clear(); // OK
                    File.AppendAllText("cache.log", "reloaded\n");
                }
            }
            """),

        ("autosave tick on an unsaved counter property", """
            using System.Threading.Tasks;
            public interface IProjectStore { Task SaveProjectAsync(string project); }
            public class ProjectViewModel
            {
                private readonly IProjectStore _store;
                public int UnsavedCount { get; set; }
                public string Project { get; set; } = "";
                public ProjectViewModel(IProjectStore store) => _store = store;
                public void Change(string p) { Project = p; UnsavedCount++; }
                public async Task AutosaveTickAsync()
                {
                    if (UnsavedCount > 0) await SaveAllAsync();
                }
                public async Task SaveAllAsync()
                {
                    UnsavedCount = 0; // BUG
                    await _store.SaveProjectAsync(Project);
                }
            }
            """),

        ("writer with a busy flag and a dirty flag", """
            using System.IO;
            using System.Threading.Tasks;
            public class Journal
            {
                private bool _saving;
                private bool _dirty;
                private string _entries = "";
                public void Add(string e) { _entries += e; _dirty = true; }
                public async Task WriteAsync()
                {
                    if (_saving || !_dirty) return;
                    _saving = true;
                    try
                    {
                        await File.WriteAllTextAsync("journal.txt", _entries);
                        _dirty = false; // OK
                    }
                    finally
                    {
                        _saving = false; // OK
                    }
                }
            }
            """),
    };


    /// <summary>
    /// A third set, written and labelled after the last change to the analyzer and run once: the out-of-sample
    /// measure now that the second set has been used to improve the rule.
    /// </summary>
    private static readonly (string Name, string Source)[] Fresh =
    {
        ("text editor save menu and save as", """
            using System.IO;
            public class EditorForm
            {
                private string? _currentFile;
                private bool _modified;
                private string _text = "";
                private void TextBox_TextChanged(string text) { _text = text; _modified = true; }
                private void SaveMenu_Click(object sender, System.EventArgs e)
                {
                    if (_currentFile == null) { SaveAs("untitled.txt"); return; }
                    _modified = false; // BUG
                    File.WriteAllText(_currentFile, _text);
                    UpdateTitle();
                }
                private void SaveAs(string path)
                {
                    File.WriteAllText(path, _text);
                    _currentFile = path;
                    _modified = false; // OK
                    UpdateTitle();
                }
                private void Form_Closing(object sender, System.EventArgs e) { if (_modified) SaveAs(_currentFile ?? "untitled.txt"); }
                private void UpdateTitle() { }
            }
            """),

        ("plugin config saved with XDocument", """
            using System.Xml.Linq;
            public class PluginConfig
            {
                private readonly XDocument _doc = new XDocument(new XElement("config"));
                private readonly string _path = "plugin.xml";
                private bool _changed;
                public void Set(string key, string value) { _doc.Root!.SetElementValue(key, value); _changed = true; }
                public void Store()
                {
                    if (!_changed) return;
                    _changed = false; // BUG
                    _doc.Save(_path);
                }
            }
            """),

        ("blob uploader that forgets failed items", """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            public interface IBlobStore { Task WriteAsync(string name, byte[] data); }
            public class PhotoUploader
            {
                private readonly IBlobStore _blobs;
                private readonly List<(string Name, byte[] Data)> _queue = new();
                public PhotoUploader(IBlobStore blobs) => _blobs = blobs;
                public void Enqueue(string name, byte[] data) => _queue.Add((name, data));
                public async Task UploadAllAsync()
                {
                    foreach (var item in _queue)
                    {
                        try { await _blobs.WriteAsync(item.Name, item.Data); }
                        catch (Exception e) { Console.WriteLine(e.Message); }
                    }
                    _queue.Clear(); // BUG
                }
            }
            """),

        ("undo history cleared when saving", """
            using System.Collections.Generic;
            using System.IO;
            public class Canvas
            {
                private readonly Stack<string> _undo = new();
                private string _svg = "";
                private bool _dirty;
                public void Draw(string svg) { _undo.Push(_svg); _svg = svg; _dirty = true; }
                public void Undo() { if (_undo.Count > 0) _svg = _undo.Pop(); }
                public void Save()
                {
                    if (!_dirty) return;
                    _undo.Clear(); // OK
                    File.WriteAllText("canvas.svg", _svg);
                    _dirty = false; // OK
                }
            }
            """),

        ("grid rows cleared before SaveChanges", """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;
            public class ProductGridViewModel
            {
                private readonly DbContext _db = new DbContext();
                private readonly List<object> _editedRows = new();
                public void RowEdited(object row) => _editedRows.Add(row);
                public async Task SaveAsync()
                {
                    if (_editedRows.Count == 0) return;
                    foreach (var row in _editedRows) System.Console.WriteLine(row);
                    _editedRows.Clear(); // BUG
                    await _db.SaveChangesAsync();
                }
                public async Task SaveInOrderAsync()
                {
                    if (_editedRows.Count == 0) return;
                    await _db.SaveChangesAsync();
                    _editedRows.Clear(); // OK
                }
            }
            """),

        ("analytics batch swapped before posting", """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;
            public class Analytics
            {
                private readonly object _lock = new();
                private List<string> _events = new();
                private readonly HttpClient _http = new HttpClient();
                public void Track(string e) { lock (_lock) _events.Add(e); }
                public async Task SendAsync()
                {
                    List<string> batch;
                    lock (_lock)
                    {
                        batch = _events;
                        _events = new List<string>(); // BUG
                    }
                    await _http.PostAsync("https://example.invalid/events", new StringContent(string.Join("\n", batch)));
                }
            }
            """),

        ("inventory saved through a static save system", """
            using System.IO;
            public static class SaveSystem { public static void Save(string key, string json) => File.WriteAllText(key + ".json", json); }
            public class Inventory
            {
                private bool _inventoryChanged;
                private string _items = "[]";
                public void Add(string item) { _items = item; _inventoryChanged = true; }
                public void OnDisable()
                {
                    if (!_inventoryChanged) return;
                    SaveSystem.Save("inventory", _items);
                    _inventoryChanged = false; // OK
                }
            }
            """),

        ("wizard step counter", """
            using System.IO;
            public class SetupWizard
            {
                private int _step;
                private string _answers = "";
                public void Next(string answer)
                {
                    _answers += answer;
                    _step++;
                    if (_step == 3) Finish();
                }
                private void Finish()
                {
                    _step = 0; // OK
                    File.WriteAllText("setup.txt", _answers);
                }
            }
            """),

        ("config watcher ignores its own write", """
            using System.IO;
            public class ConfigWatcher
            {
                private bool _suppressNextChange;
                private string _config = "";
                public void Write(string config)
                {
                    _config = config;
                    _suppressNextChange = true;
                    File.WriteAllText("app.config.json", _config);
                }
                private void OnChanged(object sender, FileSystemEventArgs e)
                {
                    if (_suppressNextChange)
                    {
                        _suppressNextChange = false; // OK
                        return;
                    }
                    _config = File.ReadAllText(e.FullPath);
                }
            }
            """),

        ("snapshot writer behind an async lock", """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            public class SnapshotWriter
            {
                private readonly SemaphoreSlim _gate = new(1, 1);
                private int _pendingWrites;
                private string _state = "";
                public void Apply(string state) { _state = state; Interlocked.Increment(ref _pendingWrites); }
                public async Task FlushAsync()
                {
                    await _gate.WaitAsync();
                    try
                    {
                        if (_pendingWrites == 0) return;
                        _pendingWrites = 0; // BUG
                        await WriteSnapshotAsync();
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
                private Task WriteSnapshotAsync() => File.WriteAllTextAsync("snapshot.json", _state);
            }
            """),

        ("settings reset to defaults and saved", """
            using System.IO;
            public class EditorSettings
            {
                private int _fontSize = 12;
                private string? _theme = "dark";
                public void SetFont(int size) { _fontSize = size; Save(); }
                public void ResetToDefaults()
                {
                    _fontSize = 0; // OK
                    _theme = null; // OK
                    Save();
                }
                private void Save() => File.WriteAllText("editor.ini", $"font={_fontSize}\ntheme={_theme}");
            }
            """),

        ("error report counter", """
            using System.IO;
            public class ErrorReporter
            {
                private int _errorCount;
                public void OnError() => _errorCount++;
                public void WriteReport(string path)
                {
                    if (_errorCount == 0) return;
                    var report = $"errors={_errorCount}";
                    _errorCount = 0; // BUG
                    File.WriteAllText(path, report);
                }
            }
            """),

        ("journal with a stream writer", """
            using System.IO;
            public sealed class Journal : System.IDisposable
            {
                private readonly StreamWriter _journal = new StreamWriter("journal.log", append: true);
                private int _unflushed;
                public void Append(string line)
                {
                    _journal.WriteLine(line);
                    _unflushed++;
                    if (_unflushed >= 100) Commit();
                }
                public void Commit()
                {
                    _unflushed = 0; // OK: an append to a log is not a save (rules.md since issue 12; was BUG)
                    _journal.Flush();
                }
                public void Dispose() => _journal.Dispose();
            }
            """),

        ("view model saving through a repository with an error message", """
            using System;
            using System.Threading.Tasks;
            public interface IRepository { Task SaveAsync(string entity); }
            public class OrderViewModel
            {
                private readonly IRepository _repo;
                public OrderViewModel(IRepository repo) => _repo = repo;
                public bool HasUnsavedChanges { get; private set; }
                public string? ErrorMessage { get; private set; }
                public string Order { get; private set; } = "";
                public void Edit(string o) { Order = o; HasUnsavedChanges = true; }
                public async Task SaveAsync()
                {
                    ErrorMessage = null; // OK
                    try
                    {
                        await _repo.SaveAsync(Order);
                        HasUnsavedChanges = false; // OK
                    }
                    catch (Exception e)
                    {
                        ErrorMessage = e.Message;
                    }
                }
            }
            """),
    };

    /// <summary>
    /// The quality bar, on all sets together (72 cases, 41 lost-change resets, 55 resets labelled OK). Each set's
    /// numbers are printed too. Measured on first contact, before any change the set suggested: held-out set
    /// precision 91.7%, recall 84.6% (misses: a public IsModified flag read only by callers, an Interlocked.Exchange
    /// in an if condition; false alarm: an elapsed-time accumulator — the last two then fixed); fresh set precision
    /// 100%, recall 75.0% (6 of 8; misses: a save in an earlier branch that returns was taken for "already saved" —
    /// then fixed —, and a batch posted with HttpClient, which is not a save). After the spec change of issue 12
    /// (appends to logs are not saves: four resets relabelled OK; names count only outside the compilation and only
    /// Save…/Persist…/Commit…): 37 lost-change resets, precision 100%, recall 83.8%.
    /// </summary>
    [Fact]
    public async Task Precision_at_least_85_and_recall_at_least_80_percent_on_realistic_save_code()
    {
        var development = await MeasureAsync("development set", Corpus);
        var heldOut = await MeasureAsync("held-out set", HeldOut);
        var fresh = await MeasureAsync("fresh set", Fresh);
        var total = development.Add(heldOut).Add(fresh);
        _output.WriteLine($"all sets: {total}");
        Assert.True(total.Precision >= 0.85, $"precision {total.Precision:P1}");
        // rules.md since issue 12 counts a save by name only for Save…/Persist…/Commit… (precision first: SW3001 was
        // right 1 time in 147 on real code); the misses left are saves behind interfaces or HTTP named Write…,
        // Update…, Execute…, Post… and a form field set only by data binding: 6 of 37.
        Assert.True(total.Recall >= 0.80, $"recall {total.Recall:P1}");
    }

    private async Task<Score> MeasureAsync(string setName, (string Name, string Source)[] corpus)
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0;
        foreach (var (name, source) in corpus)
        {
            var (reported, errors) = await AnalyzeAsync(source);
            Assert.True(errors.Length == 0, $"{name} does not compile: {string.Join("; ", errors)}");

            var lines = source.Split('\n');
            for (var line = 0; line < lines.Length; line++)
            {
                var isBug = lines[line].Contains("// BUG", StringComparison.Ordinal);
                var isOk = lines[line].Contains("OK", StringComparison.Ordinal) && (lines[line].Contains("// OK", StringComparison.Ordinal) || lines[line].Contains("/* OK */", StringComparison.Ordinal));
                var flagged = reported.Contains(line);
                if (isBug && flagged) truePositives++;
                else if (isBug) { falseNegatives++; _output.WriteLine($"missed:      {name}: {lines[line].Trim()}"); }
                else if (flagged) { falsePositives++; _output.WriteLine($"false alarm: {name}: {lines[line].Trim()}"); }
                else if (isOk) trueNegatives++;
            }
        }

        var score = new Score(truePositives, falsePositives, falseNegatives, trueNegatives);
        _output.WriteLine($"{setName}: {corpus.Length} cases, {truePositives + falseNegatives} bugs, {trueNegatives + falsePositives} resets labelled OK; {score}");
        return score;
    }

    private readonly record struct Score(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
    {
        public double Precision => (double)TruePositives / Math.Max(1, TruePositives + FalsePositives);
        public double Recall => (double)TruePositives / Math.Max(1, TruePositives + FalseNegatives);

        public Score Add(Score other)
            => new(TruePositives + other.TruePositives, FalsePositives + other.FalsePositives, FalseNegatives + other.FalseNegatives, TrueNegatives + other.TrueNegatives);

        public override string ToString()
            => $"TP {TruePositives}, FP {FalsePositives}, FN {FalseNegatives}, TN {TrueNegatives}; precision {Precision:P1}, recall {Recall:P1}";
    }

    private static async Task<(HashSet<int> Lines, string[] Errors)> AnalyzeAsync(string source)
    {
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path: "Case.cs"),
            CSharpSyntaxTree.ParseText(EfStubs, new CSharpParseOptions(LanguageVersion.CSharp12), path: "EfStubs.cs"),
        };
        var compilation = CSharpCompilation.Create(
            "Corpus",
            trees,
            TestReferences.Net80.Add(TestReferences.SafeWritesRuntime),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new StateResetBeforeSaveAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var lines = diagnostics.Where(d => d.Id == "SW3001" && d.Location.SourceTree == trees[0])
            .Select(d => d.Location.GetLineSpan().StartLinePosition.Line)
            .ToHashSet();
        return (lines, errors);
    }
}
