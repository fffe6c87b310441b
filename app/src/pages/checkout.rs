//! Checkout at `/checkout` (contact, delivery address, delivery method, review, payment)
//! for guests and signed-in shoppers, and the confirmation at
//! `/checkout/confirmation/:order_number`. Every total shown comes from the server.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::api::cart::{
    CheckoutContext, DeliveryDetails, FieldError, OrderSummaryDto, PlaceOutcome, QuoteDto,
    SummaryLineDto, apply_coupon, cart, check_details, checkout_quote, order_summary, place_order,
    start_checkout,
};
use crate::api::payments::{PaymentResult, TestCard, confirm_payment};
use crate::components::cart_drawer::{CartState, MergeNotices};
use crate::components::form::{FormAlert, TextField};
use crate::i18n::countries::country_options;
use crate::i18n::{checkout::CheckoutText, use_i18n, use_locale};
use crate::pages::settings::error_message;
use domain::email::Email;

const STEPS: usize = 5;

#[component]
pub fn CheckoutPage() -> impl IntoView {
    let text = &use_i18n().checkout;
    let start = Resource::new(
        || (),
        |_| async move { (start_checkout().await, cart().await) },
    );
    view! {
        <Title text=text.title />
        <section class="checkout" aria-labelledby="checkout-title">
            <h1 id="checkout-title">{text.title}</h1>
            <Suspense fallback=move || view! { <p class="loading" aria-live="polite">{text.loading}</p> }>
                {move || Suspend::new(async move {
                    match start.await {
                        (Ok(context), Ok(bag)) if !bag.lines.is_empty() => {
                            let notices = bag.notices.clone();
                            view! {
                                {(!notices.is_empty())
                                    .then(|| {
                                        view! {
                                            <section class="cart-notices" role="status" aria-labelledby="checkout-notices">
                                                <h2 id="checkout-notices">{use_i18n_cart().merge_heading}</h2>
                                                <MergeNotices notices=Signal::stored(notices.clone()) />
                                            </section>
                                        }
                                    })}
                                <CheckoutFlow context />
                            }
                                .into_any()
                        }
                        (Ok(_), Ok(_)) => view! {
                            <p>{text.empty_bag}</p>
                            <a class="button button--primary" href="/cart">{text.back_to_bag}</a>
                        }
                            .into_any(),
                        (Err(error), _) | (_, Err(error)) => {
                            view! { <p role="alert">{error_message(&error)}</p> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

fn error_for(errors: RwSignal<Vec<FieldError>>, field: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.with(|errors| {
            errors
                .iter()
                .find(|error| error.field.as_deref() == Some(field))
                .map(|error| error.message.clone())
        })
    })
}

fn input_value(node: NodeRef<leptos::html::Input>) -> String {
    node.get_untracked()
        .map(|input| input.value())
        .unwrap_or_default()
}

/// The step a refused field belongs to.
fn step_of_field(field: Option<&str>) -> usize {
    match field {
        Some("email") => 1,
        Some("shipping_method") => 3,
        Some("coupon") => 4,
        Some(_) => 2,
        None => 5,
    }
}

#[component]
fn StepHeading(n: usize, name: &'static str, step: RwSignal<usize>) -> impl IntoView {
    let text = &use_i18n().checkout;
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |previous: Option<usize>| {
        let now = step.get();
        if previous.is_some() && now == n {
            request_animation_frame(move || {
                if let Some(heading) = heading.get_untracked() {
                    let _ = heading.focus();
                }
            });
        }
        now
    });
    view! {
        <h2 id=format!("step-{n}") tabindex="-1" node_ref=heading aria-current=move || (step.get() == n).then_some("step")>
            {(text.step_of)(n, STEPS, name)}
        </h2>
        <Show when=move || { step.get() > n }>
            <button type="button" class="button button--ghost checkout__edit" on:click=move |_| step.set(n)
                aria-label=format!("{} {}", text.edit, name)>
                {text.edit}
            </button>
        </Show>
    }
}

#[component]
fn CheckoutFlow(context: CheckoutContext) -> impl IntoView {
    let text = &use_i18n().checkout;
    let step = RwSignal::new(1usize);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let quote = RwSignal::new(None::<QuoteDto>);
    let shipping_method = RwSignal::new(String::new());
    let country = RwSignal::new(String::new());
    let order_number = RwSignal::new(None::<String>);
    let card = RwSignal::new(TestCard::Visa);
    let coupon_status = RwSignal::new(None::<(bool, String)>);
    let details = RwSignal::new(DeliveryDetails::default());
    let saved = StoredValue::new(context.addresses.clone());
    let default_saved = context
        .addresses
        .iter()
        .find(|a| a.is_default)
        .or(context.addresses.first())
        .map(|a| a.id.clone())
        .unwrap_or_default();
    let address_choice = RwSignal::new(default_saved);
    let navigate = use_navigate();

    let email = NodeRef::<leptos::html::Input>::new();
    let first_name = NodeRef::<leptos::html::Input>::new();
    let last_name = NodeRef::<leptos::html::Input>::new();
    let company = NodeRef::<leptos::html::Input>::new();
    let line1 = NodeRef::<leptos::html::Input>::new();
    let line2 = NodeRef::<leptos::html::Input>::new();
    let postal_code = NodeRef::<leptos::html::Input>::new();
    let city = NodeRef::<leptos::html::Input>::new();
    let region = NodeRef::<leptos::html::Input>::new();
    let phone = NodeRef::<leptos::html::Input>::new();
    let typed_country = RwSignal::new(String::new());

    let read_details = move || DeliveryDetails {
        email: input_value(email),
        address_id: address_choice.get_untracked(),
        first_name: input_value(first_name),
        last_name: input_value(last_name),
        company: input_value(company),
        phone: input_value(phone),
        address_line1: input_value(line1),
        address_line2: input_value(line2),
        city: input_value(city),
        state_province: input_value(region),
        postal_code: input_value(postal_code),
        country_code: typed_country.get_untracked(),
    };

    let requote = move || {
        busy.set(true);
        spawn_local(async move {
            match checkout_quote(country.get_untracked(), shipping_method.get_untracked()).await {
                Ok(fresh) => {
                    if let Some(code) = &fresh.shipping_method {
                        shipping_method.set(code.clone());
                    }
                    quote.set(Some(fresh));
                    form_error.set(None);
                }
                Err(error) => form_error.set(Some(error_message(&error))),
            }
            busy.set(false);
        });
    };

    // Going back to change anything means a new order on the next payment attempt.
    Effect::new(move |_| {
        if step.get() < 5 {
            order_number.set(None);
        }
    });

    let contact_next = move |_| {
        let typed = input_value(email);
        match Email::parse(&typed) {
            Ok(_) => {
                errors.set(Vec::new());
                step.set(2);
            }
            Err(error) => {
                let refusal = domain::Refusal::Email(error);
                errors.set(vec![FieldError {
                    field: Some("email".into()),
                    message: crate::i18n::errors::refusal_text(&refusal, crate::i18n::use_locale()),
                    refusal,
                }])
            }
        }
    };

    let address_next = move |_| {
        let form = read_details();
        busy.set(true);
        spawn_local(async move {
            match check_details(form.clone()).await {
                Ok(found) if found.is_empty() => {
                    errors.set(Vec::new());
                    let chosen_country = if form.address_id.is_empty() {
                        form.country_code.clone()
                    } else {
                        saved.with_value(|list| {
                            list.iter()
                                .find(|a| a.id == form.address_id)
                                .map(|a| a.country_code.clone())
                                .unwrap_or_default()
                        })
                    };
                    country.set(chosen_country);
                    details.set(form);
                    step.set(3);
                    busy.set(false);
                    requote();
                }
                Ok(found) => {
                    let back_to_contact = found.iter().any(|e| e.field.as_deref() == Some("email"));
                    errors.set(found);
                    if back_to_contact {
                        step.set(1);
                    }
                    busy.set(false);
                }
                Err(error) => {
                    form_error.set(Some(error_message(&error)));
                    busy.set(false);
                }
            }
        });
    };

    let coupon_input = NodeRef::<leptos::html::Input>::new();
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = input_value(coupon_input);
        busy.set(true);
        spawn_local(async move {
            match apply_coupon(code).await {
                Ok(crate::api::cart::CouponOutcome::Applied { code, discount, .. }) => {
                    coupon_status.set(Some((
                        true,
                        (use_i18n_cart().coupon_applied)(&code, &discount),
                    )));
                    busy.set(false);
                    requote();
                }
                Ok(crate::api::cart::CouponOutcome::Rejected { message, .. }) => {
                    coupon_status.set(Some((false, message)));
                    busy.set(false);
                }
                Err(error) => {
                    coupon_status.set(Some((false, error_message(&error))));
                    busy.set(false);
                }
            }
        });
    };

    let pay = move |_| {
        busy.set(true);
        form_error.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            let number = match order_number.get_untracked() {
                Some(number) => number,
                None => match place_order(details.get_untracked(), shipping_method.get_untracked())
                    .await
                {
                    Ok(PlaceOutcome::Placed {
                        order_number: number,
                        ..
                    }) => {
                        order_number.set(Some(number.clone()));
                        number
                    }
                    Ok(PlaceOutcome::Refused(found)) => {
                        let target = step_of_field(found.first().and_then(|e| e.field.as_deref()));
                        if let Some(general) = found.iter().find(|e| e.field.is_none()) {
                            form_error.set(Some(general.message.clone()));
                        }
                        errors.set(found);
                        busy.set(false);
                        if target < 5 {
                            step.set(target);
                        }
                        return;
                    }
                    Err(error) => {
                        form_error.set(Some(error_message(&error)));
                        busy.set(false);
                        return;
                    }
                },
            };
            match confirm_payment(number.clone(), card.get_untracked()).await {
                Ok(PaymentResult::Succeeded | PaymentResult::Processing) => {
                    if let Some(state) = CartState::get() {
                        state.refresh();
                    }
                    navigate(
                        &format!("/checkout/confirmation/{number}"),
                        Default::default(),
                    );
                }
                Ok(PaymentResult::Declined { message }) => {
                    form_error.set(Some((text.declined)(&message)));
                }
                Err(error) => form_error.set(Some(error_message(&error))),
            }
            busy.set(false);
        });
    };

    let has_saved = !context.addresses.is_empty();
    let signed_in = context.signed_in;
    let test_payments = context.test_payments;
    let prefilled_email = context.email.clone();

    let step_1 = view! {
            <li class="checkout__step" aria-labelledby="step-1">
                <StepHeading n=1 name=text.contact step />
                <div hidden=move || step.get() != 1>
                    {(!signed_in).then(|| view! {
                        <p class="checkout__sign-in">
                            {text.have_account}" "
                            <a href="/login?next=/checkout">{text.sign_in}</a>
                        </p>
                    })}
                    <TextField label=text.email name="email" input_type="email" autocomplete="email"
                        hint=text.email_hint value=prefilled_email node_ref=email error=error_for(errors, "email") />
                    <button type="button" class="button button--primary" on:click=contact_next>{text.continue_}</button>
                </div>
            </li>
    }
    .into_any();
    let address_fields = view! {
                    <div class="checkout__address" hidden=move || !address_choice.get().is_empty()>
                        <div class="settings__row">
                            <TextField label=text.first_name name="first_name" autocomplete="given-name" maxlength=100
                                node_ref=first_name error=error_for(errors, "first_name") />
                            <TextField label=text.last_name name="last_name" autocomplete="family-name" maxlength=100
                                node_ref=last_name error=error_for(errors, "last_name") />
                        </div>
                        <TextField label=text.company name="company" autocomplete="organization" maxlength=100
                            node_ref=company error=error_for(errors, "company") />
                        <TextField label=text.address_line1 name="address_line1" autocomplete="address-line1" maxlength=255
                            node_ref=line1 error=error_for(errors, "address_line1") />
                        <TextField label=text.address_line2 name="address_line2" autocomplete="address-line2" maxlength=255
                            node_ref=line2 error=error_for(errors, "address_line2") />
                        <div class="settings__row">
                            <TextField label=text.postal_code name="postal_code" autocomplete="postal-code" maxlength=20
                                node_ref=postal_code error=error_for(errors, "postal_code") />
                            <TextField label=text.city name="city" autocomplete="address-level2" maxlength=100
                                node_ref=city error=error_for(errors, "city") />
                        </div>
                        <TextField label=text.state_province name="state_province" autocomplete="address-level1" maxlength=100
                            node_ref=region error=error_for(errors, "state_province") />
                        <CountrySelect text value=typed_country error=error_for(errors, "country_code") />
                        <TextField label=text.phone name="phone" input_type="tel" autocomplete="tel"
                            node_ref=phone error=error_for(errors, "phone") />
                    </div>
    }
    .into_any();
    let saved_choices = has_saved.then(|| {
        view! {
                        <fieldset class="checkout__choices">
                            <legend>{text.saved_addresses}</legend>
                            {saved.get_value().into_iter().map(|address| {
                                let id = address.id.clone();
                                let checked_id = address.id.clone();
                                view! {
                                    <label class="checkout__choice">
                                        <input type="radio" name="address_id" value=address.id.clone()
                                            prop:checked=move || address_choice.get() == checked_id
                                            on:change=move |_| address_choice.set(id.clone()) />
                                        <span>{address.summary.clone()}</span>
                                    </label>
                                }
                            }).collect_view()}
                            <label class="checkout__choice">
                                <input type="radio" name="address_id" value=""
                                    prop:checked=move || address_choice.get().is_empty()
                                    on:change=move |_| address_choice.set(String::new()) />
                                <span>{text.new_address}</span>
                            </label>
                            <p class="field__error" role="alert">{move || error_for(errors, "address_id").get()}</p>
                        </fieldset>
        }
        .into_any()
    });
    let step_2 = view! {
            <li class="checkout__step" aria-labelledby="step-2">
                <StepHeading n=2 name=text.delivery_address step />
                <div hidden=move || step.get() != 2>
                    {saved_choices}
                    {address_fields}
                    <div class="checkout__actions">
                        <button type="button" class="button button--ghost" on:click=move |_| step.set(1)>{text.back}</button>
                        <button type="button" class="button button--primary" disabled=move || busy.get() on:click=address_next>
                            {text.continue_}
                        </button>
                    </div>
                </div>
            </li>
    }
    .into_any();
    let step_3 = view! {
            <li class="checkout__step" aria-labelledby="step-3">
                <StepHeading n=3 name=text.delivery_method step />
                <div hidden=move || step.get() != 3>
                    <fieldset class="checkout__choices">
                        <legend>{text.delivery_method}</legend>
                        {move || quote.get().map(|q| q.shipping_options.into_iter().map(|option| {
                            let code = option.code.clone();
                            let checked_code = option.code.clone();
                            let fee = if option.is_free { text.free.to_string() } else { option.fee.clone() };
                            view! {
                                <label class="checkout__choice">
                                    <input type="radio" name="shipping_method" value=option.code.clone()
                                        prop:checked=move || shipping_method.get() == checked_code
                                        on:change=move |_| { shipping_method.set(code.clone()); requote(); } />
                                    <span>
                                        {format!("{} · {} · {}", option.name, (text.delivery_days)(option.min_days, option.max_days), fee)}
                                    </span>
                                </label>
                            }
                        }).collect_view())}
                        <p class="field__error" role="alert">{move || error_for(errors, "shipping_method").get()}</p>
                    </fieldset>
                    <div class="checkout__actions">
                        <button type="button" class="button button--ghost" on:click=move |_| step.set(2)>{text.back}</button>
                        <button type="button" class="button button--primary" disabled=move || busy.get() || quote.with(Option::is_none)
                            on:click=move |_| step.set(4)>
                            {text.continue_}
                        </button>
                    </div>
                </div>
            </li>
    }
    .into_any();
    let coupon_form = view! {
                    <form class="cart-coupon" on:submit=apply novalidate>
                        <div class="field" class:field--invalid=move || matches!(coupon_status.get(), Some((false, _)))>
                            <label for="checkout-coupon">{use_i18n_cart().coupon}</label>
                            <input id="checkout-coupon" name="code" type="text" autocomplete="off" node_ref=coupon_input
                                aria-describedby="checkout-coupon-message" />
                            <p id="checkout-coupon-message" class="field__error" role="alert">
                                {move || match coupon_status.get() { Some((false, message)) => Some(message), _ => None }}
                                {move || error_for(errors, "coupon").get()}
                                {move || quote.get().and_then(|q| q.coupon_error)}
                            </p>
                            <p class="cart-coupon__ok" role="status">
                                {move || match coupon_status.get() { Some((true, message)) => Some(message), _ => None }}
                            </p>
                        </div>
                        <button type="submit" class="button button--ghost" disabled=move || busy.get()>{use_i18n_cart().apply}</button>
                    </form>
    }
    .into_any();
    let step_4 = view! {
            <li class="checkout__step" aria-labelledby="step-4">
                <StepHeading n=4 name=text.review step />
                <div hidden=move || step.get() != 4>
                    {coupon_form}
                    {move || quote.get().map(|q| view! { <Totals quote=q text /> })}
                    <div class="checkout__actions">
                        <button type="button" class="button button--ghost" on:click=move |_| step.set(3)>{text.back}</button>
                        <button type="button" class="button button--primary" disabled=move || busy.get() on:click=move |_| step.set(5)>
                            {text.continue_}
                        </button>
                    </div>
                </div>
            </li>
    }
    .into_any();
    let step_5 = view! {
            <li class="checkout__step" aria-labelledby="step-5">
                <StepHeading n=5 name=text.payment step />
                <div hidden=move || step.get() != 5>
                    {if test_payments {
                        view! {
                            <fieldset class="checkout__choices">
                                <legend>{text.card_legend}</legend>
                                <p class="field__hint">{text.test_mode_note}</p>
                                {TestCard::ALL.into_iter().map(|option| {
                                    let label = match option {
                                        TestCard::Visa => text.card_visa,
                                        TestCard::Declined => text.card_declined,
                                        TestCard::InsufficientFunds => text.card_insufficient,
                                    };
                                    view! {
                                        <label class="checkout__choice">
                                            <input type="radio" name="card" value=option.number()
                                                prop:checked=move || card.get() == option
                                                on:change=move |_| card.set(option) />
                                            <span>{format!("{label} ({})", option.number())}</span>
                                        </label>
                                    }
                                }).collect_view()}
                            </fieldset>
                        }.into_any()
                    } else {
                        view! { <p role="alert">{text.live_payments_unavailable}</p> }.into_any()
                    }}
                    {move || quote.get().map(|q| view! {
                        <p class="checkout__total">
                            <span>{text.total}</span>
                            <span data-testid="checkout-total">{q.total.clone()}</span>
                        </p>
                    })}
                    <div class="checkout__actions">
                        <button type="button" class="button button--ghost" on:click=move |_| step.set(4)>{text.back}</button>
                        <button type="button" class="button button--primary" disabled=move || busy.get() || !test_payments on:click=pay>
                            {move || if busy.get() {
                                text.paying.to_string()
                            } else {
                                (text.pay)(&quote.get().map(|q| q.total).unwrap_or_default())
                            }}
                        </button>
                    </div>
                </div>
            </li>
    }
    .into_any();
    view! {
        <FormAlert message=form_error />
        <ol class="checkout__steps" aria-label=text.steps_label>
            {step_1}
            {step_2}
            {step_3}
            {step_4}
            {step_5}
        </ol>
    }
}

fn use_i18n_cart() -> &'static crate::i18n::cart::CartText {
    &use_i18n().cart
}

#[component]
fn CountrySelect(
    text: &'static CheckoutText,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let countries = country_options(use_locale());
    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            <label for="field-country_code">{text.country}</label>
            <select
                id="field-country_code"
                name="country_code"
                autocomplete="country"
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=move || error.get().is_some().then_some("field-country_code-error")
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="" selected=true>{text.choose_country}</option>
                {countries.iter().map(|(code, name)| view! { <option value=*code>{*name}</option> }).collect_view()}
            </select>
            <p class="field__error" id="field-country_code-error" role="alert">{move || error.get()}</p>
        </div>
    }
}

fn summary_lines(lines: Vec<SummaryLineDto>, text: &'static CheckoutText) -> impl IntoView {
    view! {
        <ul role="list" class="checkout__lines">
            {lines.into_iter().map(|line| view! {
                <li>
                    <span>{line.product_name}</span>
                    {line.variant_title.map(|title| view! { <span class="cart-line__variant">{title}</span> })}
                    <span>{(text.quantity)(line.quantity)}</span>
                    <span>{line.line_total}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The lines and totals of a quote.
#[component]
fn Totals(quote: QuoteDto, text: &'static CheckoutText) -> impl IntoView {
    let code = quote.coupon_code.clone().unwrap_or_default();
    view! {
        <section class="checkout__summary" aria-labelledby="summary-title">
            <h3 id="summary-title">{text.summary}</h3>
            {summary_lines(quote.lines, text)}
            <dl class="totals">
                <dt>{text.subtotal}</dt><dd>{quote.subtotal}</dd>
                {quote.has_discount.then(|| view! { <dt>{(text.discount)(&code)}</dt><dd>"−"{quote.discount.clone()}</dd> })}
                <dt>{text.shipping}</dt><dd>{quote.shipping}</dd>
                <dt>{text.tax}</dt><dd>{quote.tax}</dd>
                <dt class="totals__total">{text.total}</dt><dd class="totals__total" data-testid="review-total">{quote.total}</dd>
            </dl>
        </section>
    }
}

/// `/checkout/confirmation/:order_number`.
#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let text = &use_i18n().checkout;
    let params = use_params_map();
    let number = move || params.with(|p| p.get("order_number").unwrap_or_default());
    let attempts = RwSignal::new(0u32);
    let order = Resource::new(
        move || (number(), attempts.get()),
        |(n, _)| order_summary(n),
    );
    // The payment settles by webhook: look again for a little while until it has.
    let state = CartState::get();
    Effect::new(move |_| {
        // Once paid, the bought pieces have left the bag: the header follows.
        if let Some(Ok(summary)) = order.get()
            && summary.paid
            && let Some(state) = state
        {
            state.refresh();
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(summary)) = order.get()
            && !summary.paid
            && attempts.get_untracked() < 10
        {
            set_timeout(
                move || attempts.update(|n| *n += 1),
                std::time::Duration::from_millis(800),
            );
        }
    });
    view! {
        <Title text=text.confirmation_title />
        <section class="checkout checkout--confirmation" aria-labelledby="confirmation-title">
            <Transition fallback=move || view! { <p class="loading" aria-live="polite">{text.loading}</p> }>
                {move || Suspend::new(async move {
                    match order.await {
                        Ok(summary) => view! { <OrderSummary summary text /> }.into_any(),
                        Err(_) => view! {
                            <h1 id="confirmation-title">{text.confirmation_title}</h1>
                            <p role="alert">{text.order_not_found}</p>
                        }
                            .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn OrderSummary(summary: OrderSummaryDto, text: &'static CheckoutText) -> impl IntoView {
    view! {
        <p class="eyebrow">{text.confirmation_title}</p>
        <h1 id="confirmation-title">{text.thank_you}</h1>
        <p class="checkout__order-number">{(text.order_number)(&summary.order_number)}</p>
        <p role="status">{if summary.paid { text.paid } else { text.payment_pending }}</p>
        <p>{(text.confirmation_email)(&summary.email)}</p>
        <section aria-labelledby="pieces-title">
            <h2 id="pieces-title">{text.your_pieces}</h2>
            {summary_lines(summary.lines, text)}
        </section>
        <dl class="totals">
            <dt>{text.subtotal}</dt><dd>{summary.subtotal}</dd>
            {summary.has_discount.then(|| view! { <dt>{(text.discount)("")}</dt><dd>"−"{summary.discount.clone()}</dd> })}
            <dt>{text.shipping}</dt><dd>{summary.shipping}</dd>
            <dt>{text.tax}</dt><dd>{summary.tax}</dd>
            <dt class="totals__total">{text.total}</dt><dd class="totals__total" data-testid="order-total">{summary.total}</dd>
        </dl>
        <section aria-labelledby="address-title">
            <h2 id="address-title">{text.delivering_to}</h2>
            <address>{summary.address.into_iter().map(|line| view! { {line}<br /> }).collect_view()}</address>
        </section>
    }
}
