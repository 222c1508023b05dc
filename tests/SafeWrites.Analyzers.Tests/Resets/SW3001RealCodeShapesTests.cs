using System.Threading.Tasks;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Resets.StateResetBeforeSaveAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Resets;

/// <summary>
/// SW3001 on the shapes that fooled it on real code (issue 12: right 1 time in 147), written as our own code: what is
/// not a marker, what is not a save, and the markers real code hides (issue 13: other partial parts, change-marker
/// properties read back as "unsaved?"). Each negative has the reset-then-save flow of a real finding; only what
/// the marker or the save really is keeps it quiet.
/// </summary>
public class SW3001RealCodeShapesTests
{
    // ---------------------------------------------------------------- never markers

    [Fact]
    public Task A_timer_field_released_in_Dispose_is_not_a_marker()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading;

            public sealed class SettingsWatcher : IDisposable
            {
                private Timer? _reloadTimer;
                private Action? _onReload;
                private string _settings = "";

                public void ScheduleReload(Action onReload)
                {
                    _settings += ";reload";
                    _onReload = onReload;
                    _reloadTimer = new Timer(_ => onReload(), null, 500, Timeout.Infinite);
                }

                public void Tick()
                {
                    if (_reloadTimer != null || _onReload != null)
                    {
                        SaveNow();
                    }
                }

                public void Dispose()
                {
                    _reloadTimer?.Dispose();
                    _reloadTimer = null;
                    _onReload = null;
                    SaveNow();
                }

                private void SaveNow() => File.WriteAllText("settings.ini", _settings);
            }
            """);

    [Fact]
    public Task A_flag_reset_in_an_initialiser_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class LogPump
            {
                private bool _pauseLogging;
                private string _config = "";

                public void Pause(string reason) { _config = reason; _pauseLogging = true; }

                public void Initialize()
                {
                    _pauseLogging = false;
                    File.WriteAllText("pump.config", _config);
                }

                public void Tick()
                {
                    if (_pauseLogging)
                    {
                        File.WriteAllText("pump.config", _config);
                    }
                }
            }
            """);

    [Fact]
    public Task Per_frame_scratch_state_rebuilt_before_the_save_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            public sealed class ScoreBoard
            {
                private int _hitsThisFrame;
                private readonly List<int> _visible = new();
                private int[] _targets = new int[0];

                public void SetTargets(int[] targets) { _targets = targets; _hitsThisFrame++; }

                public void Update(int x)
                {
                    _hitsThisFrame = 0;
                    _visible.Clear();
                    foreach (var target in _targets)
                    {
                        if (target == x)
                        {
                            _hitsThisFrame++;
                            _visible.Add(target);
                        }
                    }

                    if (_hitsThisFrame > 0)
                    {
                        File.WriteAllText("score.txt", x.ToString());
                    }
                }
            }
            """);

    [Fact]
    public Task A_ready_flag_lowered_while_loading_is_not_a_marker()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class CatalogCache
            {
                private bool _ready;
                private bool _loaded;
                private string _catalog = "";

                public void Reload()
                {
                    _ready = false;
                    _catalog = File.ReadAllText("catalog.txt");
                    File.WriteAllText("catalog.cache", _catalog);
                    _ready = true;
                }

                public void BeginLoad()
                {
                    _loaded = false;
                    File.WriteAllText("catalog.cache", "");
                }

                public void OnLoaded() { _loaded = true; }

                public void Save()
                {
                    if (!_ready || !_loaded)
                    {
                        return;
                    }

                    File.WriteAllText("catalog.cache", _catalog);
                }
            }
            """);

    [Fact]
    public Task A_UI_mode_toggle_is_not_a_marker()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class EditorShell
            {
                private bool _timerOnlyMode;
                private System.Action _refresh = () => { };
                private string _text = "";

                public bool IsEditMode { get; private set; }

                public void ToggleEditMode() { IsEditMode = !IsEditMode; }

                public void EnterTimerOnlyMode() { _timerOnlyMode = true; _refresh(); }

                public void Type(string text) { _text += text; }

                public void Commit()
                {
                    if (IsEditMode || _timerOnlyMode)
                    {
                        IsEditMode = false;
                        _timerOnlyMode = false;
                        File.WriteAllText("doc.txt", _text);
                    }
                }
            }
            """);

    [Fact]
    public Task A_collection_cleared_and_refilled_as_the_content_to_save_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            public sealed class RecentFiles
            {
                private readonly List<string> _entries = new();
                private readonly List<string> _index = new();

                public void Opened(string path) { _entries.Add(path); _index.Add(path); }

                public void Rebuild(IEnumerable<string> paths)
                {
                    _entries.Clear();
                    foreach (var path in paths)
                    {
                        _entries.Add(path);
                    }

                    if (_entries.Count > 0)
                    {
                        File.WriteAllLines("recent.txt", _entries.ToArray());
                    }
                }

                public void Reindex()
                {
                    _index.Clear();
                    Fill();
                    if (_index.Count > 0)
                    {
                        File.WriteAllLines("index.txt", _index.ToArray());
                    }
                }

                private void Fill() => _index.AddRange(Directory.GetFiles("."));
            }
            """);

    // Real-code findings (measurement notes): a request, a task and a status enum are released or report a result;
    // flags set up by an InitializeX method; a cache filled by its getter; a "pending" scratch path cleared at the
    // start of a run and set again in it.
    [Fact]
    public Task Requests_tasks_status_enums_initialisers_caches_and_run_scratch_are_not_markers()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            public sealed class UploadRequest { public string Url = ""; }

            public enum CaptureStatus { None, Running, Failed }

            public sealed class Uploader
            {
                private UploadRequest? _currentRequest;
                private Task? _previousTask;
                private CaptureStatus _status;
                private bool _disableColors;
                private string? _formatted;
                private string? _pendingInputPath;
                private string _settings = "";

                public void Start(UploadRequest request, Task task) { _settings += request.Url; _currentRequest = request; _previousTask = task; _status = CaptureStatus.Running; }

                public void DisableColors(string why) { _settings += why; _disableColors = true; }

                public string Formatted => _formatted ??= _settings.ToUpperInvariant();

                public void Finish()
                {
                    if (_currentRequest != null || _previousTask != null || _status != CaptureStatus.None || _disableColors || _formatted != null)
                    {
                        _currentRequest = null;
                        _status = CaptureStatus.None;
                        _formatted = null;
                        try
                        {
                            File.WriteAllText("uploader.ini", _settings);
                        }
                        catch (IOException)
                        {
                            _previousTask = null;
                        }
                    }
                }

                public void InitializeTarget()
                {
                    _disableColors = false;
                    File.WriteAllText("uploader.ini", _settings);
                }

                public void Run(string input)
                {
                    _pendingInputPath = null;
                    if (input.Length > 0)
                    {
                        _pendingInputPath = Path.GetFullPath(input);
                    }

                    if (_pendingInputPath != null)
                    {
                        File.WriteAllText("uploader.ini", _settings + _pendingInputPath.Length);
                    }
                }
            }
            """);

    [Fact]
    public Task A_one_shot_flag_consumed_before_a_log_append_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text;

            public sealed class MinimalAppender
            {
                private bool _initialFileOpen = true;
                private bool _dirtyHeader;

                public void Reopen() { _initialFileOpen = true; _dirtyHeader = true; }

                public void Write(string line)
                {
                    if (!_dirtyHeader && !_initialFileOpen)
                    {
                        return;
                    }

                    var first = _initialFileOpen;
                    _initialFileOpen = false;
                    _dirtyHeader = false;
                    using var stream = OpenLogFile(first);
                    var bytes = Encoding.UTF8.GetBytes(line);
                    stream.Write(bytes, 0, bytes.Length);
                }

                private static FileStream OpenLogFile(bool first)
                    => new FileStream(first ? "app.log" : "app.log", FileMode.Append, FileAccess.Write);
            }
            """);

    // ---------------------------------------------------------------- never saves

    [Fact]
    public Task Logging_console_debug_and_trace_output_are_not_saves()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Diagnostics;
            using System.IO;

            public static class Logger
            {
                public static void Log(string message) => File.AppendAllText("app.log", message + Environment.NewLine);
            }

            public sealed class Session
            {
                private bool _dirty;
                private int _edits;
                private string _text = "";

                public void Type(string text) { _text += text; _dirty = true; _edits++; }

                public void Flush()
                {
                    if (_dirty || _edits > 0)
                    {
                        _dirty = false;
                        _edits = 0;
                        Logger.Log(_text);
                        Console.WriteLine(_text);
                        Debug.WriteLine(_text);
                        Trace.WriteLine(_text);
                        Console.Error.Write(_text);
                    }
                }

                public void SaveLayout()
                {
                    if (!_dirty)
                    {
                        return;
                    }

                    _dirty = false;
                    SaveLayoutCore();
                }

                // Named like a save, but the body only logs: a method of the compilation is judged by its body.
                private void SaveLayoutCore() => Logger.Log("layout " + _text);
            }
            """);

    [Fact]
    public Task Write_named_output_methods_are_not_saves()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public sealed class Shell
            {
                private bool _pendingPrompt;
                private string _line = "";
                private readonly TextWriter _out = Console.Out;

                public void Type(string text) { _line += text; _pendingPrompt = true; }

                public void Run()
                {
                    if (_pendingPrompt)
                    {
                        _pendingPrompt = false;
                        WriteError("bad input: " + _line);
                        PromptNewLine();
                        WriteLine(_line);
                    }
                }

                private void WriteError(string message) => Console.Error.WriteLine(message);

                private void PromptNewLine() => _out.Write(Environment.NewLine + "> ");

                private void WriteLine(string text) => _out.WriteLine(text);
            }
            """);

    [Fact]
    public Task Subscribing_a_saving_handler_to_an_event_is_not_a_save()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public sealed class Document
            {
                public event EventHandler? Changed;

                public void Raise() => Changed?.Invoke(this, EventArgs.Empty);
            }

            public sealed class AutoSaver
            {
                private readonly Document _document = new();
                private bool _dirty;
                private string _text = "";

                public void Edit(string text) { _text = text; _dirty = true; }

                public void Attach()
                {
                    if (_dirty)
                    {
                        _dirty = false;
                        _document.Changed += OnChanged;
                        _document.Changed += (_, _) => File.WriteAllText("doc.txt", _text);
                    }
                }

                private void OnChanged(object? sender, EventArgs e) => File.WriteAllText("doc.txt", _text);
            }
            """);

    [Fact]
    public Task Appends_are_not_saves()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class Journal
            {
                private bool _dirty;
                private string _entry = "";

                public void Add(string entry) { _entry = entry; _dirty = true; }

                public void Flush()
                {
                    if (!_dirty)
                    {
                        return;
                    }

                    _dirty = false;
                    File.AppendAllText("journal.log", _entry);
                    using var writer = new StreamWriter("journal.log", append: true);
                    writer.WriteLine(_entry);
                }
            }
            """);

    [Fact]
    public Task A_save_reached_within_three_calls_counts_and_one_further_away_does_not()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class Layers
            {
                private bool _near;
                private bool _far;
                private string _state = "";

                public bool HasPendingChanges => _near || _far;

                public void Touch(string state) { _state = state; _near = true; _far = true; }

                public void StoreNear()
                {
                    if (!_near) return;
                    {|SW3001:_near = false;|}
                    One();
                }

                public void StoreFar()
                {
                    if (!_far) return;
                    _far = false;
                    Zero();
                }

                private void Zero() => One();

                private void One() => Two();

                private void Two() => Three();

                private void Three() => File.WriteAllText("state.txt", _state);
            }
            """);

    // ---------------------------------------------------------------- markers real code hides (issue 13)

    [Fact]
    public Task A_marker_declared_in_another_part_of_a_partial_type_is_reported()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using System.Collections.Generic;

                    public sealed partial class Playlist
                    {
                        private readonly List<string> _songs = new();
                        private bool _modified;

                        public void Add(string song)
                        {
                            _songs.Add(song);
                            _modified = true;
                        }
                    }
                    """,
                    """
                    using System.IO;

                    public sealed partial class Playlist
                    {
                        public void Store()
                        {
                            if (!_modified)
                            {
                                return;
                            }

                            {|SW3001:_modified = false;|}
                            File.WriteAllLines("playlist.m3u", _songs);
                        }
                    }
                    """,
                },
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task A_change_marker_auto_property_read_back_as_unsaved_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            public sealed class ScriptDocument
            {
                private readonly List<string> _lines = new();

                public bool HasChanges { get; private set; }

                public bool CanClose => !HasChanges;

                public void AddLine(string line)
                {
                    _lines.Add(line);
                    HasChanges = true;
                }

                public void Save(string path)
                {
                    {|SW3001:HasChanges = false;|}
                    File.WriteAllLines(path, _lines);
                }
            }
            """);

    [Fact]
    public Task A_public_change_marker_property_callers_read_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class Sketch
            {
                private string _strokes = "";

                public bool IsModified { get; private set; }

                public void Draw(string stroke)
                {
                    _strokes += stroke;
                    IsModified = true;
                }

                public void Export(string path)
                {
                    try
                    {
                        File.WriteAllText(path, _strokes);
                    }
                    catch (IOException)
                    {
                    }

                    {|SW3001:IsModified = false;|}
                }
            }
            """);

    [Fact]
    public Task A_private_mode_property_read_only_by_its_type_is_not_read_back()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class Recorder
            {
                private string _frames = "";

                public bool IsRecording { get; private set; }

                public void Start(string first)
                {
                    _frames = first;
                    IsRecording = true;
                }

                public void Stop(string path)
                {
                    IsRecording = false;
                    File.WriteAllText(path, _frames);
                }
            }
            """);
}
