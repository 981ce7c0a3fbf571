//! Constrained generation: the answer must be JSON (any object, or one
//! that validates against a JSON schema) or follow a GBNF grammar. Schemas
//! become grammars with llama.cpp's own converter; a grammar is checked
//! against the model's vocabulary before the request takes a queue place,
//! and then steers sampling token by token.

use llama_cpp_2::model::LlamaModel;
use llama_cpp_2::sampling::LlamaSampler;
use llama_cpp_2::token::data::LlamaTokenData;
use llama_cpp_2::token::data_array::LlamaTokenDataArray;
use llama_cpp_2::token::LlamaToken;
use serde_json::Value;

use super::tools::ToolGrammar;

/// What the answer must look like.
#[derive(Debug, Clone, PartialEq)]
pub enum Constraint {
    /// Any JSON object (OpenAI's `json_object`).
    JsonObject,
    /// JSON that validates against this schema.
    JsonSchema(Value),
    /// A GBNF grammar whose start rule is `root`.
    Grammar(String),
    /// Tool calls in the model's syntax, from the start or (lazily) from
    /// where the model opens one.
    ToolCalls(ToolGrammar),
}

impl Constraint {
    /// The GBNF grammar that enforces it, or why there is none (a schema
    /// that is not an object, or uses what the converter does not know).
    pub fn to_grammar(&self) -> Result<String, String> {
        match self {
            Constraint::JsonObject => schema_grammar(&serde_json::json!({"type": "object"})),
            Constraint::JsonSchema(schema) => schema_grammar(schema),
            Constraint::Grammar(grammar) if grammar.trim().is_empty() => {
                Err("the grammar is empty".into())
            }
            Constraint::Grammar(grammar) => Ok(grammar.clone()),
            Constraint::ToolCalls(tools) => Ok(tools.gbnf.clone()),
        }
    }
}

fn schema_grammar(schema: &Value) -> Result<String, String> {
    if !schema.is_object() {
        return Err(format!("a JSON schema is an object, not `{schema}`"));
    }
    llama_cpp_2::json_schema_to_grammar(&schema.to_string()).map_err(|e| {
        format!("llama.cpp's converter cannot turn this JSON schema into a grammar ({e})")
    })
}

/// A grammar checked against a model's vocabulary, ready to steer one
/// generation.
pub struct Grammar {
    sampler: LlamaSampler,
    /// Reused for every token: one entry per vocabulary token.
    candidates: Vec<LlamaTokenData>,
}

impl std::fmt::Debug for Grammar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Grammar")
    }
}

impl Grammar {
    /// The grammar for `constraint`, or why it cannot be used.
    pub fn new(model: &LlamaModel, constraint: &Constraint) -> Result<Self, String> {
        let text = constraint.to_grammar()?;
        let sampler = match constraint {
            Constraint::ToolCalls(tools) if !tools.trigger_patterns.is_empty() => {
                LlamaSampler::grammar_lazy_patterns(
                    model,
                    &text,
                    "root",
                    &tools.trigger_patterns,
                    &[],
                )
            }
            _ => LlamaSampler::grammar(model, &text, "root"),
        };
        let sampler = sampler.map_err(|_| {
            "the grammar is not valid GBNF with a `root` rule (llama.cpp's reason is in the log)"
                .to_string()
        })?;
        Ok(Self {
            sampler,
            candidates: Vec::new(),
        })
    }

    /// The next token: the sampler's own choice when the grammar allows
    /// it (one cheap check), else its choice among the tokens the grammar
    /// allows (llama.cpp's order). Both samplers take the token in. With
    /// `plain_greedy` the first choice is the logits' arg-max, with no
    /// candidate list built at all.
    pub fn sample(
        &mut self,
        chain: &mut LlamaSampler,
        logits: &[f32],
        plain_greedy: bool,
    ) -> LlamaToken {
        let token = if plain_greedy {
            LlamaToken(crate::engine::argmax(logits) as i32)
        } else {
            self.choose(chain, logits, false)
        };
        let mut single =
            LlamaTokenDataArray::new(vec![LlamaTokenData::new(token, 0.0, 0.0)], false);
        self.sampler.apply(&mut single);
        let token = if single.data[0].logit().is_finite() {
            token
        } else {
            self.choose(chain, logits, true)
        };
        self.sampler.accept(token);
        chain.accept(token);
        token
    }

    fn choose(
        &mut self,
        chain: &mut LlamaSampler,
        logits: &[f32],
        constrained: bool,
    ) -> LlamaToken {
        let mut data = std::mem::take(&mut self.candidates);
        data.clear();
        data.extend(
            logits
                .iter()
                .enumerate()
                .map(|(id, &logit)| LlamaTokenData::new(LlamaToken(id as i32), logit, 0.0)),
        );
        let mut array = LlamaTokenDataArray::new(data, false);
        if constrained {
            self.sampler.apply(&mut array);
        }
        chain.apply(&mut array);
        let token = array
            .selected_token()
            .unwrap_or_else(|| LlamaToken(crate::engine::argmax(logits) as i32));
        self.candidates = array.data;
        token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn schemas_become_grammars_and_bad_ones_say_why() {
        let grammar = Constraint::JsonSchema(json!({
            "type": "object",
            "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
            "required": ["name", "age"],
            "additionalProperties": false
        }))
        .to_grammar()
        .unwrap();
        assert!(grammar.contains("root ::="), "{grammar}");
        assert!(Constraint::JsonObject
            .to_grammar()
            .unwrap()
            .contains("root ::="));
        let not_object = Constraint::JsonSchema(json!("string"))
            .to_grammar()
            .unwrap_err();
        assert!(not_object.contains("is an object"), "{not_object}");
        let bad_ref =
            Constraint::JsonSchema(json!({"$ref": "https://example.com/s.json"})).to_grammar();
        assert!(bad_ref.is_err(), "{bad_ref:?}");
        assert!(Constraint::Grammar("  ".into()).to_grammar().is_err());
    }
}
