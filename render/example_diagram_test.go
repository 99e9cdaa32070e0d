package render_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/render"
)

// The contact centre's line of sight, from the front line's tasks at the
// bottom to the successful customer outcome at the top. The wallboard's
// chain serves nobody: the diagram marks it, and the legend says what the
// marks mean.
func ExampleMermaid() {
	m := contactCentreModel()
	if err := render.Mermaid(os.Stdout, m, render.DiagramOptions{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// flowchart BT
	//     subgraph tasks["Tasks"]
	//         n0["Answer call"]
	//         n1["Look up account"]
	//         n2["Update wallboard"]
	//     end
	//     subgraph activities["Activities"]
	//         n3["Handle enquiry"]
	//         n4["Resolve problem"]
	//         n5["Monitor queues"]
	//     end
	//     subgraph outputs["Outputs"]
	//         n6["Calls handled"]
	//         n7["First-time response"]
	//         n8["Wallboard refreshes"]
	//     end
	//     subgraph business_outcomes["Business Outcomes"]
	//         n9["Cost to serve"]
	//         n10["Revenue"]
	//     end
	//     subgraph customer_outcomes["Successful Customer Outcomes"]
	//         n11["Problem solved at first contact"]
	//     end
	//     n0 --> n3
	//     n1 --> n3
	//     n1 --> n4
	//     n2 --> n5
	//     n3 --> n6
	//     n4 --> n7
	//     n5 --> n8
	//     n6 --> n9
	//     n7 -->|"0.4"| n9
	//     n7 -->|"0.6"| n10
	//     n9 --> n11
	//     n10 --> n11
	//     subgraph legend["Legend"]
	//         legend_orphan["orphan, reaching no successful customer outcome"]
	//         legend_weights["a link without a label has weight 1"]
	//     end
	//     classDef orphan fill:#fde2e1,stroke:#c0392b,color:#000000
	//     classDef note fill:#ffffff,stroke:#999999,color:#000000
	//     class n2,n5,n8,legend_orphan orphan
	//     class legend_weights note
}

// Highlighting a task shows the work it feeds on its way to the customer:
// looking up an account serves both enquiries and problem resolution.
// Serving revenue shows only what earns it.
func ExampleMermaid_highlight() {
	m := contactCentreModel()
	err := render.Mermaid(os.Stdout, m, render.DiagramOptions{Serving: "revenue", Highlight: "look-up-account"})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// flowchart BT
	//     subgraph tasks["Tasks"]
	//         n1["Look up account"]
	//     end
	//     subgraph activities["Activities"]
	//         n4["Resolve problem"]
	//     end
	//     subgraph outputs["Outputs"]
	//         n7["First-time response"]
	//     end
	//     subgraph business_outcomes["Business Outcomes"]
	//         n10["Revenue"]
	//     end
	//     n1 --> n4
	//     n4 --> n7
	//     n7 -->|"0.6"| n10
	//     subgraph legend["Legend"]
	//         legend_lit["line of sight of the highlighted node"]
	//         legend_weights["a link without a label has weight 1"]
	//     end
	//     classDef lit stroke:#1f6feb,stroke-width:3px
	//     classDef note fill:#ffffff,stroke:#999999,color:#000000
	//     class n1,n4,n7,n10,legend_lit lit
	//     class legend_weights note
	//     linkStyle 0,1,2 stroke:#1f6feb,stroke-width:3px
}

// Options that name a node the diagram would not show are refused, all
// problems at once, each with a code that errors.Is finds: hiding the
// customer outcomes leaves no line of sight to draw
// ([render.ErrHiddenCustomerOutcomes]), and a highlighted task is not shown
// once tasks are hidden ([render.ErrNodeNotShown]).
func ExampleMermaid_errors() {
	m := contactCentreModel()
	err := render.Mermaid(os.Stdout, m, render.DiagramOptions{
		Highlight: "answer-call",
		Hide:      []outcome.Level{outcome.Task, outcome.CustomerOutcome},
	})
	fmt.Println(err)
	fmt.Println("customer outcomes hidden:", errors.Is(err, render.ErrHiddenCustomerOutcomes))
	fmt.Println("a node not shown:", errors.Is(err, render.ErrNodeNotShown))

	// Serving one outcome leaves out what does not serve it: the wallboard
	// serves nobody.
	err = render.Mermaid(os.Stdout, m, render.DiagramOptions{Serving: "revenue", Highlight: "update-wallboard"})
	fmt.Println(err)
	fmt.Println("a node not shown:", errors.Is(err, render.ErrNodeNotShown))
	// Output:
	// render: cannot hide the successful customer outcomes: every line of sight ends there
	// render: the node to highlight, "answer-call", is a Task, a level the options hide
	// customer outcomes hidden: true
	// a node not shown: true
	// render: the node to highlight, "update-wallboard", does not serve "revenue", which the diagram is about
	// a node not shown: true
}

// The same hierarchy for Graphviz (dot -Tsvg), here only what serves
// revenue.
func ExampleDOT() {
	m := contactCentreModel()
	if err := render.DOT(os.Stdout, m, render.DiagramOptions{Serving: "revenue"}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// digraph hierarchy {
	//     rankdir=BT;
	//     fontname="Helvetica";
	//     node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#555555", fontname="Helvetica"];
	//     edge [color="#555555", fontname="Helvetica", fontsize=10];
	//     subgraph rank_tasks {
	//         rank=same;
	//         level_tasks [label="Tasks", shape=plaintext, style=""];
	//         n1 [label="Look up account"];
	//     }
	//     subgraph rank_activities {
	//         rank=same;
	//         level_activities [label="Activities", shape=plaintext, style=""];
	//         n4 [label="Resolve problem"];
	//     }
	//     level_tasks -> level_activities [style=invis];
	//     subgraph rank_outputs {
	//         rank=same;
	//         level_outputs [label="Outputs", shape=plaintext, style=""];
	//         n7 [label="First-time response"];
	//     }
	//     level_activities -> level_outputs [style=invis];
	//     subgraph rank_business_outcomes {
	//         rank=same;
	//         level_business_outcomes [label="Business Outcomes", shape=plaintext, style=""];
	//         n10 [label="Revenue"];
	//     }
	//     level_outputs -> level_business_outcomes [style=invis];
	//     n1 -> n4;
	//     n4 -> n7;
	//     n7 -> n10 [label="0.6"];
	//     subgraph cluster_legend {
	//         label="Legend";
	//         color="#999999";
	//         legend_weights [label="a link without a label has weight 1", shape=plaintext, style=""];
	//     }
	// }
}

// Hiding the outputs re-routes their links, so that line of sight is kept:
// resolving problems now leads straight to cost to serve and to revenue,
// with the weights of the first-time response's links (1 * 0.4 and 1 * 0.6),
// and handling enquiries to cost to serve (1 * 1). Hiding the tasks too
// starts the picture at the activities.
func ExampleDiagramOptions() {
	m := contactCentreModel()
	err := render.Mermaid(os.Stdout, m, render.DiagramOptions{
		Hide: []outcome.Level{outcome.Task, outcome.Output},
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// flowchart BT
	//     subgraph activities["Activities"]
	//         n3["Handle enquiry"]
	//         n4["Resolve problem"]
	//         n5["Monitor queues"]
	//     end
	//     subgraph business_outcomes["Business Outcomes"]
	//         n9["Cost to serve"]
	//         n10["Revenue"]
	//     end
	//     subgraph customer_outcomes["Successful Customer Outcomes"]
	//         n11["Problem solved at first contact"]
	//     end
	//     n3 --> n9
	//     n4 -->|"0.4"| n9
	//     n4 -->|"0.6"| n10
	//     n9 --> n11
	//     n10 --> n11
	//     subgraph legend["Legend"]
	//         legend_orphan["orphan, reaching no successful customer outcome"]
	//         legend_weights["a link without a label has weight 1"]
	//         legend_hidden["links re-routed through hidden Tasks and Outputs"]
	//     end
	//     classDef orphan fill:#fde2e1,stroke:#c0392b,color:#000000
	//     classDef note fill:#ffffff,stroke:#999999,color:#000000
	//     class n5,legend_orphan orphan
	//     class legend_weights,legend_hidden note
}

// With AllWeights every link carries its weight, 1 included, so the legend
// need not say what an unlabelled link weighs; what serves revenue has no
// orphans and nothing highlighted or hidden, so there is no legend at all.
func ExampleDiagramOptions_allWeights() {
	m := contactCentreModel()
	if err := render.Mermaid(os.Stdout, m, render.DiagramOptions{Serving: "revenue", AllWeights: true}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// flowchart BT
	//     subgraph tasks["Tasks"]
	//         n1["Look up account"]
	//     end
	//     subgraph activities["Activities"]
	//         n4["Resolve problem"]
	//     end
	//     subgraph outputs["Outputs"]
	//         n7["First-time response"]
	//     end
	//     subgraph business_outcomes["Business Outcomes"]
	//         n10["Revenue"]
	//     end
	//     n1 -->|"1"| n4
	//     n4 -->|"1"| n7
	//     n7 -->|"0.6"| n10
}
