using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Resets.StateResetBeforeSaveAnalyzer>;
using VerifyFix = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Resets.StateResetBeforeSaveAnalyzer,
    SafeWrites.CodeFixes.Resets.StateResetBeforeSaveCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests.Resets;

/// <summary>
/// SW3001 on the markers real code hides (issue 13, "Resets"): a marker declared, raised and reset in different
/// parts of a partial type (one source or several documents), and change-marker properties. Each positive has a
/// look-alike with the same reset-then-save flow that must stay silent.
/// </summary>
public class SW3001PartialTypesAndPropertiesTests
{
    /// <summary>Runs the analyzer over several documents of one project (markup in any of them), in C# 12 unless told.</summary>
    private static Task VerifyDocumentsAsync(params string[] sources) => VerifyDocumentsAsync(LanguageVersion.CSharp12, sources);

    private static Task VerifyDocumentsAsync(LanguageVersion version, params string[] sources)
    {
        var test = new Verify.Test();
        test.SolutionTransforms.Add((solution, project) => solution.WithProjectParseOptions(
            project, ((CSharpParseOptions)solution.GetProject(project)!.ParseOptions!).WithLanguageVersion(version)));
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        return test.RunAsync();
    }

    // ---------------------------------------------------------------- partial types

    [Fact]
    public Task Two_parts_in_one_source_field_in_one_part_raise_and_reset_in_the_other()
        => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            public sealed partial class Roster
            {
                private readonly List<string> _names = new();
                private bool _unsaved;
            }

            public sealed partial class Roster
            {
                public void Enlist(string name)
                {
                    _names.Add(name);
                    _unsaved = true;
                }

                public void Store(string path)
                {
                    if (!_unsaved)
                    {
                        return;
                    }

                    {|SW3001:_unsaved = false;|}
                    File.WriteAllLines(path, _names);
                }
            }
            """);

    [Fact]
    public Task Field_mutator_and_reset_each_in_its_own_document()
        => VerifyDocumentsAsync(
            """
            public sealed partial class Ledger
            {
                private int _pendingEntries;
                private string _entries = "";
            }
            """,
            """
            public sealed partial class Ledger
            {
                public void Post(string entry)
                {
                    _entries += entry + "\n";
                    _pendingEntries++;
                }
            }
            """,
            """
            using System.IO;

            public sealed partial class Ledger
            {
                public void Flush()
                {
                    if (_pendingEntries >= 25)
                    {
                        {|SW3001:_pendingEntries = 0;|}
                        File.WriteAllText("ledger.txt", _entries);
                    }
                }
            }
            """);

    [Fact]
    public Task A_partial_method_hook_implemented_in_another_part_raises_the_marker()
        => VerifyDocumentsAsync(
            """
            public sealed partial class Profile
            {
                private string _nickname = "";

                public string Nickname
                {
                    get => _nickname;
                    set
                    {
                        _nickname = value;
                        OnNicknameChanged(value);
                    }
                }

                partial void OnNicknameChanged(string value);
            }
            """,
            """
            using System.IO;

            public sealed partial class Profile
            {
                private bool _dirty;

                partial void OnNicknameChanged(string value) => _dirty = true;

                public void Store(string path)
                {
                    if (!_dirty) return;
                    {|SW3001:_dirty = false;|}
                    File.WriteAllText(path, _nickname);
                }
            }
            """);

    [Fact]
    public Task A_generic_nested_partial_type_in_two_documents_is_reported()
        => VerifyDocumentsAsync(
            """
            using System.Collections.Generic;

            public static partial class Stores
            {
                public sealed partial class Bag<T>
                {
                    private readonly List<T> _items = new();
                    private bool _modified;

                    public void Put(T item)
                    {
                        _items.Add(item);
                        _modified = true;
                    }
                }
            }
            """,
            """
            using System.IO;

            public static partial class Stores
            {
                public sealed partial class Bag<T>
                {
                    public void Store(string path)
                    {
                        {|SW3001:_modified = false;|}
                        File.WriteAllText(path, string.Join(",", _items));
                    }

                    public bool NeedsStore => _modified;
                }
            }
            """);

    [Fact]
    public Task A_partial_property_declared_in_one_part_and_implemented_in_another_is_one_marker()
        => VerifyDocumentsAsync(
            LanguageVersion.CSharp13,
            """
            public sealed partial class Canvas
            {
                public partial bool HasChanges { get; private set; }

                public bool CanClose => !HasChanges;
            }
            """,
            """
            using System.IO;

            public sealed partial class Canvas
            {
                private bool _hasChanges;
                private string _shapes = "";

                public partial bool HasChanges
                {
                    get => _hasChanges;
                    private set => _hasChanges = value;
                }

                public void Draw(string shape)
                {
                    _shapes += shape;
                    _hasChanges = true;
                }

                public void Save(string path)
                {
                    {|SW3001:HasChanges = false;|}
                    File.WriteAllText(path, _shapes);
                }
            }
            """);

    [Fact]
    public Task A_property_reset_while_mutators_raise_its_backing_field_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class Diagram
            {
                private bool _hasChanges;
                private string _nodes = "";

                public bool HasChanges
                {
                    get { return _hasChanges; }
                    private set { _hasChanges = value; }
                }

                public void Connect(string node)
                {
                    _nodes += node;
                    _hasChanges = true;
                }

                public void Save(string path)
                {
                    {|SW3001:this.HasChanges = false;|}
                    File.WriteAllText(path, _nodes);
                }
            }
            """);

    [Fact]
    public Task A_generated_part_calling_a_hook_the_user_part_implements_raises_the_marker()
        => VerifyDocumentsAsync(
            """
            // <auto-generated/>
            public sealed partial class Contact
            {
                public string Email
                {
                    get => _email;
                    set
                    {
                        if (_email == value) return;
                        _email = value;
                        OnEmailChanged(value);
                    }
                }

                partial void OnEmailChanged(string value);
            }
            """,
            """
            using System.IO;

            public sealed partial class Contact
            {
                private string _email = "";

                public bool IsDirty { get; private set; }

                partial void OnEmailChanged(string value)
                {
                    IsDirty = true;
                }

                public void Save(string path)
                {
                    {|SW3001:IsDirty = false;|}
                    File.WriteAllText(path, _email);
                }
            }
            """);

    [Fact]
    public Task A_reset_only_method_of_another_part_called_before_the_save_is_reported()
        => VerifyDocumentsAsync(
            """
            public sealed partial class Mixer
            {
                private string _tracks = "";

                public bool HasChanges { get; private set; }

                public void AddTrack(string track)
                {
                    _tracks += track;
                    HasChanges = true;
                }

                private void MarkSaved() => HasChanges = false;
            }
            """,
            """
            using System.IO;

            public sealed partial class Mixer
            {
                public void Save(string path)
                {
                    {|SW3001:MarkSaved();|}
                    File.WriteAllText(path, _tracks);
                }
            }
            """);

    [Fact]
    public Task A_reset_in_a_generated_part_is_not_reported_but_the_user_part_is()
        => VerifyDocumentsAsync(
            """
            // <auto-generated/>
            using System.IO;

            public sealed partial class Macro
            {
                private void StoreGenerated(string path)
                {
                    _unsaved = false;
                    File.WriteAllText(path, _steps);
                }
            }
            """,
            """
            using System.IO;

            public sealed partial class Macro
            {
                private string _steps = "";
                private bool _unsaved;

                public void Record(string step)
                {
                    _steps += step;
                    _unsaved = true;
                }

                public void Store(string path)
                {
                    if (!_unsaved) return;
                    {|SW3001:_unsaved = false;|}
                    File.WriteAllText(path, _steps);
                }
            }
            """);

    [Fact]
    public Task A_backing_field_reset_while_mutators_raise_its_property_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            public sealed class Inventory
            {
                private readonly Dictionary<string, int> _stock = new();
                private bool _unsaved;

                internal bool Unsaved
                {
                    get => _unsaved;
                    set => _unsaved = value;
                }

                public void Receive(string item, int count)
                {
                    _stock[item] = count;
                    Unsaved = true;
                }

                public void Save(string path)
                {
                    {|SW3001:_unsaved = false;|}
                    var lines = new List<string>();
                    foreach (var pair in _stock)
                    {
                        lines.Add($"{pair.Key}={pair.Value}");
                    }

                    File.WriteAllLines(path, lines);
                }
            }
            """);

    [Fact]
    public Task The_fix_moves_a_property_reset_in_its_own_part_and_leaves_the_other_part_alone()
    {
        const string Declaring = """
            public sealed partial class Journal
            {
                private string _text = "";

                public bool HasChanges { get; private set; }

                public bool CanClose => !HasChanges;

                public void Append(string text)
                {
                    _text += text;
                    HasChanges = true;
                }
            }
            """;
        var test = new VerifyFix.Test
        {
            TestState =
            {
                Sources =
                {
                    Declaring,
                    """
                    using System.IO;

                    public sealed partial class Journal
                    {
                        public void Save(string path)
                        {
                            {|SW3001:HasChanges = false;|}
                            File.WriteAllText(path, _text);
                        }
                    }
                    """,
                },
            },
            FixedState =
            {
                Sources =
                {
                    Declaring,
                    """
                    using System.IO;

                    public sealed partial class Journal
                    {
                        public void Save(string path)
                        {
                            File.WriteAllText(path, _text);
                            HasChanges = false;
                        }
                    }
                    """,
                },
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task A_marker_raised_in_another_part_only_by_the_constructor_is_not_reported()
        => VerifyDocumentsAsync(
            """
            public sealed partial class Session
            {
                private bool _dirty;
                private string _state = "";

                public Session(string state)
                {
                    _state = state;
                    _dirty = true;
                }
            }
            """,
            """
            using System.IO;

            public sealed partial class Session
            {
                public void Store(string path)
                {
                    if (!_dirty) return;
                    _dirty = false;
                    File.WriteAllText(path, _state);
                }
            }
            """);

    [Fact]
    public Task Same_named_partial_classes_of_other_namespaces_are_not_parts_of_one_type()
        => VerifyDocumentsAsync(
            """
            namespace Editing
            {
                public sealed partial class Note
                {
                    private bool _dirty;
                    private string _text = "";

                    public void Type(string text)
                    {
                        _text += text;
                        _dirty = true;
                    }

                    public bool IsSaved() => !_dirty;
                }
            }
            """,
            """
            using System.IO;

            namespace Archive
            {
                public sealed partial class Note
                {
                    private bool _dirty;
                    private string _text = "";

                    public void Store(string path)
                    {
                        if (!_dirty) return;
                        _dirty = false;
                        File.WriteAllText(path, _text);
                    }
                }
            }
            """);

    [Fact]
    public Task A_reset_after_the_save_in_another_part_is_not_reported()
        => VerifyDocumentsAsync(
            """
            public sealed partial class Palette
            {
                private bool _modified;
                private string _colors = "";

                public void Mix(string color)
                {
                    _colors += color;
                    _modified = true;
                }
            }
            """,
            """
            using System.IO;

            public sealed partial class Palette
            {
                public void Store(string path)
                {
                    if (!_modified) return;
                    File.WriteAllText(path, _colors);
                    _modified = false;
                }
            }
            """);

    // ---------------------------------------------------------------- change-marker properties

    [Fact]
    public Task A_private_property_consulted_before_an_autosave_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class Notebook
            {
                private string _pages = "";

                private bool HasChanges { get; set; }

                public void Write(string page)
                {
                    _pages += page;
                    HasChanges = true;
                }

                public void OnAutosaveTick()
                {
                    if (HasChanges)
                    {
                        Save();
                    }
                }

                private void Save()
                {
                    {|SW3001:HasChanges = false;|}
                    File.WriteAllText("notebook.txt", _pages);
                }
            }
            """);

    [Fact]
    public Task A_private_property_only_set_and_never_consulted_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class Sketchbook
            {
                private string _pages = "";

                private bool HasChanges { get; set; }

                public void Write(string page)
                {
                    _pages += page;
                    HasChanges = true;
                }

                public void Save()
                {
                    HasChanges = false;
                    File.WriteAllText("sketchbook.txt", _pages);
                }
            }
            """);

    [Fact]
    public Task A_property_read_back_by_a_getter_and_raised_by_a_mutator_is_reported_in_a_finally()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class Timeline
            {
                private string _events = "";

                public bool HasChanges { get; private set; }

                public string Title => HasChanges ? "Timeline*" : "Timeline";

                public void Record(string e)
                {
                    _events += e;
                    HasChanges = true;
                }

                public void Save(string path)
                {
                    try
                    {
                        File.WriteAllText(path, _events);
                    }
                    finally
                    {
                        {|SW3001:HasChanges = false;|}
                    }
                }
            }
            """);

    [Fact]
    public Task A_static_change_property_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public static class Preferences
            {
                private static string _values = "";

                public static bool HasUnsavedChanges { get; private set; }

                public static void Set(string key, string value)
                {
                    _values += key + "=" + value + "\n";
                    HasUnsavedChanges = true;
                }

                public static void Save()
                {
                    {|SW3001:HasUnsavedChanges = false;|}
                    File.WriteAllText("prefs.ini", _values);
                }
            }
            """);

    [Fact]
    public Task A_notifying_property_over_a_ref_helper_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public abstract class Observable
            {
                protected bool SetProperty<T>(ref T field, T value)
                {
                    if (Equals(field, value)) return false;
                    field = value;
                    return true;
                }
            }

            public sealed class TaskList : Observable
            {
                private bool _isDirty;
                private string _tasks = "";

                public bool IsDirty
                {
                    get => _isDirty;
                    private set => SetProperty(ref _isDirty, value);
                }

                public void Add(string task)
                {
                    _tasks += task;
                    IsDirty = true;
                }

                public void Save(string path)
                {
                    {|SW3001:IsDirty = false;|}
                    File.WriteAllText(path, _tasks);
                }
            }
            """);

    [Fact]
    public Task A_property_raised_by_a_handler_the_constructor_subscribes_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public sealed class Model
            {
                public event EventHandler? Changed;

                public string Text { get; private set; } = "";

                public void Set(string text)
                {
                    Text = text;
                    Changed?.Invoke(this, EventArgs.Empty);
                }
            }

            public sealed class ModelEditor
            {
                private readonly Model _model;

                public ModelEditor(Model model)
                {
                    _model = model;
                    _model.Changed += (_, _) => HasChanges = true;
                }

                public bool HasChanges { get; private set; }

                public void Save(string path)
                {
                    {|SW3001:HasChanges = false;|}
                    File.WriteAllText(path, _model.Text);
                }
            }
            """);

    [Fact]
    public Task A_property_reset_after_the_save_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class Worksheet
            {
                private string _cells = "";

                public bool HasChanges { get; private set; }

                public bool CanClose => !HasChanges;

                public void Fill(string cell)
                {
                    _cells += cell;
                    HasChanges = true;
                }

                public void Save(string path)
                {
                    File.WriteAllText(path, _cells);
                    HasChanges = false;
                }
            }
            """);

    [Fact]
    public Task A_property_set_true_only_in_the_constructor_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class Draft
            {
                private readonly string _body;

                public Draft(string body)
                {
                    _body = body;
                    HasChanges = true;
                }

                public bool HasChanges { get; private set; }

                public bool CanClose => !HasChanges;

                public void Save(string path)
                {
                    if (HasChanges)
                    {
                        HasChanges = false;
                        File.WriteAllText(path, _body);
                    }
                }
            }
            """);

    [Fact]
    public Task The_property_of_another_instance_of_the_same_type_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class Card
            {
                private string _text = "";

                public bool HasChanges { get; private set; }

                public bool CanClose => !HasChanges;

                public void Edit(string text)
                {
                    _text = text;
                    HasChanges = true;
                }

                public void SaveCopyOf(Card other, string path)
                {
                    other.HasChanges = false;
                    File.WriteAllText(path, other._text);
                }
            }
            """);

    [Fact]
    public Task The_property_of_an_object_of_another_type_is_not_reported()
        => VerifyDocumentsAsync(
            """
            public sealed class Slide
            {
                public string Text { get; private set; } = "";

                public bool HasChanges { get; set; }

                public bool CanClose => !HasChanges;

                public void Edit(string text)
                {
                    Text = text;
                    HasChanges = true;
                }
            }
            """,
            """
            using System.IO;

            public sealed class SlideExporter
            {
                public void Export(Slide slide, string path)
                {
                    slide.HasChanges = false;
                    File.WriteAllText(path, slide.Text);
                }
            }
            """);
}
