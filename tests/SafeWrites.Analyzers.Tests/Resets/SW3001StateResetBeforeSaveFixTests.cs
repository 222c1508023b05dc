using System.Threading.Tasks;
using SafeWrites.CodeFixes.Resets;
using Xunit;
using VerifyFix = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Resets.StateResetBeforeSaveAnalyzer,
    SafeWrites.CodeFixes.Resets.StateResetBeforeSaveCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests.Resets;

/// <summary>SW3001 fix "Reset after the save succeeds": the fixed code compiles against the runtime, Fix All included.</summary>
public class SW3001StateResetBeforeSaveFixTests
{
    [Fact]
    public Task Reset_moves_after_the_save_keeping_its_comment()
        => VerifyFix.VerifyCodeFixAsync("""
            using System.IO;

            public sealed class Counter
            {
                private int _modificationCount;
                private string _state = "";

                public void Change(string state)
                {
                    _state = state;
                    _modificationCount++;
                    if (_modificationCount > 5)
                    {
                        // everything below is about to be saved
                        {|SW3001:_modificationCount = 0;|}
                        File.WriteAllText("state.txt", _state);
                        System.Console.WriteLine("autosaved");
                    }
                }
            }
            """, """
            using System.IO;

            public sealed class Counter
            {
                private int _modificationCount;
                private string _state = "";

                public void Change(string state)
                {
                    _state = state;
                    _modificationCount++;
                    if (_modificationCount > 5)
                    {
                        File.WriteAllText("state.txt", _state);
                        // everything below is about to be saved
                        _modificationCount = 0;
                        System.Console.WriteLine("autosaved");
                    }
                }
            }
            """);

    [Fact]
    public Task Reset_moves_into_the_try_body_after_an_awaited_save()
        => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            public sealed class Notes
            {
                private bool _isDirty;
                private string _text = "";

                public void Edit(string text) { _text = text; _isDirty = true; }

                public async Task SaveAsync()
                {
                    if (!_isDirty) return;
                    {|SW3001:_isDirty = false;|}
                    try
                    {
                        await File.WriteAllTextAsync("notes.txt", _text);
                    }
                    catch (IOException e)
                    {
                        Console.Error.WriteLine(e.Message);
                    }
                }
            }
            """, """
            using System;
            using System.IO;
            using System.Threading.Tasks;

            public sealed class Notes
            {
                private bool _isDirty;
                private string _text = "";

                public void Edit(string text) { _text = text; _isDirty = true; }

                public async Task SaveAsync()
                {
                    if (!_isDirty) return;
                    try
                    {
                        await File.WriteAllTextAsync("notes.txt", _text);
                        _isDirty = false;
                    }
                    catch (IOException e)
                    {
                        Console.Error.WriteLine(e.Message);
                    }
                }
            }
            """);

    [Fact]
    public Task Reset_in_finally_moves_into_the_try_and_the_empty_finally_goes()
        => VerifyFix.VerifyCodeFixAsync("""
            using System;
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
                    catch (UnauthorizedAccessException e)
                    {
                        Console.Error.WriteLine(e.Message);
                    }
                    finally
                    {
                        {|SW3001:_pendingChanges = 0;|}
                    }
                }

                public void PersistOrThrow()
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
            """, """
            using System;
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
                        _pendingChanges = 0;
                    }
                    catch (UnauthorizedAccessException e)
                    {
                        Console.Error.WriteLine(e.Message);
                    }
                }

                public void PersistOrThrow()
                {
                    if (_pendingChanges == 0) return;
                    File.WriteAllText("inventory.csv", _data);
                    _pendingChanges = 0;
                }
            }
            """);

    [Fact]
    public Task Resets_after_or_in_a_swallowing_catch_move_into_the_try_body()
        => VerifyFix.VerifyCodeFixAsync("""
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
                    }
                    catch (Exception e)
                    {
                        Console.Error.WriteLine(e.Message);
                        {|SW3001:_unsynced = false;|}
                    }
                }
            }
            """, """
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
                        _dirty = false;
                    }
                    catch (IOException e)
                    {
                        Console.Error.WriteLine(e.Message);
                    }
                }

                public void Sync()
                {
                    if (!_unsynced) return;
                    try
                    {
                        File.WriteAllText("sync.txt", _values);
                        _unsynced = false;
                    }
                    catch (Exception e)
                    {
                        Console.Error.WriteLine(e.Message);
                    }
                }
            }
            """);

    // rules.md (issue 12): appends are not saves; the saves here are whole-file writes.
    [Fact]
    public Task Fix_all_moves_several_resets_after_the_same_save_in_order()
        => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IO;

            public sealed class Journal
            {
                private readonly List<string> _entries = new();
                private bool _dirty;
                private int _unsaved;

                public void Add(string entry) { _entries.Add(entry); _dirty = true; _unsaved++; }

                public void Flush()
                {
                    if (!_dirty && _unsaved == 0) return;
                    var lines = _entries.ToArray();
                    {|SW3001:_dirty = false;|}
                    {|SW3001:_unsaved = 0;|}
                    {|SW3001:_entries.Clear();|}
                    File.WriteAllLines("journal.log", lines);
                    File.WriteAllText("journal.idx", lines.Length.ToString());
                }

                public void Checkpoint()
                {
                    if (!_dirty) return;
                    {|SW3001:_dirty = false;|}
                    File.WriteAllLines("journal.chk", _entries);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.IO;

            public sealed class Journal
            {
                private readonly List<string> _entries = new();
                private bool _dirty;
                private int _unsaved;

                public void Add(string entry) { _entries.Add(entry); _dirty = true; _unsaved++; }

                public void Flush()
                {
                    if (!_dirty && _unsaved == 0) return;
                    var lines = _entries.ToArray();
                    File.WriteAllLines("journal.log", lines);
                    File.WriteAllText("journal.idx", lines.Length.ToString());
                    _dirty = false;
                    _unsaved = 0;
                    _entries.Clear();
                }

                public void Checkpoint()
                {
                    if (!_dirty) return;
                    File.WriteAllLines("journal.chk", _entries);
                    _dirty = false;
                }
            }
            """);

    [Fact]
    public Task Shapes_that_cannot_be_moved_safely_are_reported_without_a_fix()
        => VerifyFix.VerifyNoFixAsync("""
            using System.IO;
            using System.Threading.Tasks;

            public sealed class Uploader
            {
                private bool _dirty;
                private int _count;
                private string _body = "";

                public void Change(string body) { _body = body; _dirty = true; _count++; }

                public void FireAndForget()
                {
                    if (!_dirty) return;
                    {|SW3001:_dirty = false;|}
                    Task.Run(() => File.WriteAllText("body.txt", _body));
                }

                public bool SaveNow()
                {
                    if (_count == 0) return true;
                    {|SW3001:_count = 0;|}
                    return Store();
                }

                public void Nested()
                {
                    if (_dirty)
                    {
                        {|SW3001:_dirty = false;|}
                    }

                    File.WriteAllText("body.txt", _body);
                }

                private bool Store()
                {
                    File.WriteAllText("body.txt", _body);
                    return true;
                }
            }
            """);

    // rules.md (issue 12): appends are not saves; the saves here are whole-file writes.
    [Fact]
    public Task The_fix_needs_no_runtime_reference()
    {
        var test = new VerifyFix.Test(withRuntime: false)
        {
            TestCode = """
                using System.IO;

                public sealed class Tally
                {
                    private int _unsaved;

                    public void Count() => _unsaved++;

                    public void Save()
                    {
                        if (_unsaved == 0) return;
                        {|SW3001:_unsaved = 0;|}
                        File.WriteAllText("tally.txt", "+");
                    }
                }
                """,
            FixedCode = """
                using System.IO;

                public sealed class Tally
                {
                    private int _unsaved;

                    public void Count() => _unsaved++;

                    public void Save()
                    {
                        if (_unsaved == 0) return;
                        File.WriteAllText("tally.txt", "+");
                        _unsaved = 0;
                    }
                }
                """,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Several_resets_in_one_finally_move_together_and_the_finally_goes()
        => VerifyFix.VerifyCodeFixAsync("""
            using System.IO;

            public sealed class Board
            {
                private bool _dirty;
                private int _moves;
                private string _state = "";

                public void Move(string state) { _state = state; _dirty = true; _moves++; }

                public void Store()
                {
                    if (!_dirty && _moves == 0) return;
                    try
                    {
                        File.WriteAllText("board.txt", _state);
                    }
                    finally
                    {
                        {|SW3001:_dirty = false;|}
                        {|SW3001:_moves = 0;|}
                    }
                }
            }
            """, """
            using System.IO;

            public sealed class Board
            {
                private bool _dirty;
                private int _moves;
                private string _state = "";

                public void Move(string state) { _state = state; _dirty = true; _moves++; }

                public void Store()
                {
                    if (!_dirty && _moves == 0) return;
                    File.WriteAllText("board.txt", _state);
                    _dirty = false;
                    _moves = 0;
                }
            }
            """);

    [Fact]
    public Task A_busy_flag_stays_in_the_finally_when_the_reset_moves()
        => VerifyFix.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;

            public sealed class Sync
            {
                private bool _isSyncing;
                private int _changes;
                private string _state = "";

                public void Change(string state) { _state = state; _changes++; }

                public async Task SyncAsync()
                {
                    if (_changes == 0) return;
                    _isSyncing = true;
                    try
                    {
                        await File.WriteAllTextAsync("sync.txt", _state);
                    }
                    finally
                    {
                        _isSyncing = false;
                        {|SW3001:_changes = 0;|}
                    }
                }

                public bool IsBusy => _isSyncing;
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;

            public sealed class Sync
            {
                private bool _isSyncing;
                private int _changes;
                private string _state = "";

                public void Change(string state) { _state = state; _changes++; }

                public async Task SyncAsync()
                {
                    if (_changes == 0) return;
                    _isSyncing = true;
                    try
                    {
                        await File.WriteAllTextAsync("sync.txt", _state);
                        _changes = 0;
                    }
                    finally
                    {
                        _isSyncing = false;
                    }
                }

                public bool IsBusy => _isSyncing;
            }
            """);
}
