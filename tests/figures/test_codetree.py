"""coursekit.figures.codetree."""


def test_l02_draw_code_tree_has_one_edge_per_non_root_prefix():
    import matplotlib.pyplot as plt

    from coursekit.figures import draw_code_tree

    probs = {"red": 0.3, "blue": 0.3, "yellow": 0.2, "white": 0.1, "black": 0.1}
    code = {"red": "10", "blue": "11", "yellow": "00", "white": "010", "black": "011"}
    fig, ax = plt.subplots()
    assert draw_code_tree(code, probs, ax=ax) is ax
    # Prefixes: 0, 1, 00, 01, 10, 11, 010, 011 -> 8 edges, each labelled with its last bit.
    assert len(ax.lines) == 8
    bits = sorted(t.get_text() for t in ax.texts if t.get_text() in {"0", "1"})
    assert bits == ["0"] * 4 + ["1"] * 4
    labels = {t.get_text(): t.get_position() for t in ax.texts if "\n" in t.get_text()}
    assert set(labels) == {f"{s}\n{w}\np = {probs[s]:.3g}" for s, w in code.items()}
    # Depth follows codeword length; left-to-right follows the codewords' order.
    positions = {s: labels[f"{s}\n{w}\np = {probs[s]:.3g}"] for s, w in code.items()}
    for s, w in code.items():
        assert positions[s][1] == -len(w) - 0.15
    xs = [positions[s][0] for s in sorted(code, key=code.get)]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert not ax.axison
    plt.close(fig)


def test_l02_draw_code_tree_without_probs_single_symbol_and_ambiguous_code():
    import matplotlib.pyplot as plt

    from coursekit.figures import draw_code_tree

    ax = draw_code_tree({"a": ""})
    assert len(ax.lines) == 0 and [t.get_text() for t in ax.texts] == ["a\n(empty)"]
    ax = draw_code_tree({"a": "0", "b": "1"})
    assert sorted(t.get_text() for t in ax.texts if "\n" in t.get_text()) == ["a\n0", "b\n1"]
    # Not prefix-free: 'a' sits on an inner node, labelled on its left.
    ax = draw_code_tree({"a": "0", "b": "01"}, [0.5, 0.5])
    inner = [t for t in ax.texts if t.get_text().startswith("a\n")][0]
    assert inner.get_ha() == "right"
    plt.close("all")


def test_l02_draw_code_tree_errors_name_the_argument():
    import matplotlib.pyplot as plt
    import pytest

    from coursekit.figures import draw_code_tree

    with pytest.raises(TypeError, match="code must be a mapping"):
        draw_code_tree(["0", "1"])
    with pytest.raises(ValueError, match="must contain only '0' and '1'"):
        draw_code_tree({"a": "02"})
    with pytest.raises(ValueError, match="probs has no probability for symbol 'b'"):
        draw_code_tree({"a": "0", "b": "1"}, {"a": 1.0})
    with pytest.raises(ValueError, match=r"one probability per codeword \(2\); got 3"):
        draw_code_tree({"a": "0", "b": "1"}, [0.2, 0.3, 0.5])
    plt.close("all")
